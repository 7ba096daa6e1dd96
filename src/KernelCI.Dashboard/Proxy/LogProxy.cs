using System.Net;
using KernelCI.Dashboard.Http;
using KernelCI.Kcidb.Logs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Proxy;

/// <summary>`proxy/`: a log from our storage or an allowlisted host, as text, gunzipped, whole or by byte range, streamed
/// (upstream: kernelci/dashboard:backend/kernelCI_app/views/proxyView.py, which reads the whole log into memory). Limits:
/// Dashboard:ProxyMaxBytes after decompression and Dashboard:ProxyTimeoutSeconds for the whole fetch.</summary>
internal sealed class LogProxy(IHttpClientFactory clients, ProxyAllowlist allowlist, DashboardOptions options, TimeProvider time,
    ILogger<LogProxy> logger)
{
    /// <summary>The most bytes one range request is answered with when the log's length is unknown until read
    /// (gzipped or chunked): the range is served from its start up to this many bytes, as Content-Range says.</summary>
    public const int RangeWindow = 8 * 1024 * 1024;

    public async Task<IResult> ServeAsync(HttpContext http)
    {
        var text = QueryValues.Required(http.Request.Query, "url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || !ProxyAllowlist.IsWeb(url))
        {
            throw new BadParameterException("url", "must be an absolute http or https URL");
        }

        if (!allowlist.Allows(url))
        {
            ProxyLog.Refused(logger, text, "host not allowed");
            return Error(StatusCodes.Status403Forbidden, $"url: {LogFetcher.Describe(url)} is not an allowed log host");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.ProxyTimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, timeout.Token);
        try
        {
            await FetchAndWriteAsync(http, url, linked.Token);
            return Results.Empty;
        }
        catch (Exception e) when (http.Response.HasStarted
            && e is IOException or OperationCanceledException or HttpRequestException or InvalidDataException)
        {
            // Too late for an error reply: cutting the connection is how the client learns the log is incomplete.
            ProxyLog.Aborted(logger, text, e.Message);
            http.Abort();
            return Results.Empty;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            ProxyLog.FetchFailed(logger, text, "timeout");
            return Error(StatusCodes.Status504GatewayTimeout, $"url: the log server took longer than {options.ProxyTimeoutSeconds} s");
        }
        catch (ProxyException e)
        {
            ProxyLog.Refused(logger, text, e.Message);
            if (e.ContentRange is { } range)
            {
                http.Response.Headers.ContentRange = range;
            }

            return Error(e.Status, e.Message);
        }
        catch (LogTooLargeException e)
        {
            ProxyLog.Refused(logger, text, e.Message);
            return Error(StatusCodes.Status413PayloadTooLarge, "url: " + e.Message);
        }
        catch (InvalidDataException e)
        {
            ProxyLog.FetchFailed(logger, text, e.Message);
            return Error(StatusCodes.Status502BadGateway, "url: the log starts as gzip but is not valid gzip");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            ProxyLog.FetchFailed(logger, text, e.Message);
            return Error(StatusCodes.Status502BadGateway, "url: could not fetch the log: " + e.Message);
        }
    }

    /// <summary>A log's text from our storage or an allowlisted host, gunzipped and limited to Dashboard:ProxyMaxBytes,
    /// with its length when known before reading; for the API's answer and the web log viewer (docs/dashboard.md,
    /// "Log viewer"). Throws <see cref="ProxyException"/> with the status to answer (403 outside the allowlist, 404, 502).</summary>
    public async Task<OpenedLog> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        CheckAllowed(url);
        var response = await LogFetcher.FetchAsync(clients.CreateClient(LogFetcher.ClientName), url, allowlist, cancellationToken);
        try
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var code = (int)response.StatusCode;
                throw new ProxyException(code is 404 or 410 ? StatusCodes.Status404NotFound : StatusCodes.Status502BadGateway,
                    $"url: the log server answered {code} {response.ReasonPhrase}".TrimEnd());
            }

            var raw = await response.Content.ReadAsStreamAsync(cancellationToken);
            var (content, decompressed) = await LogContent.OpenAsync(raw, cancellationToken);
            var length = decompressed ? null : response.Content.Headers.ContentLength;
            if (length > options.ProxyMaxBytes)
            {
                await content.DisposeAsync();
                throw new LogTooLargeException(options.ProxyMaxBytes);
            }

            return new OpenedLog(response, new LimitedStream(content, options.ProxyMaxBytes), length);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The log from byte <paramref name="from"/> on, fetched by a range request when its server serves ranges
    /// and the log is not gzip, whose middle cannot be read alone: a two-byte range says which (docs/dashboard.md, "Log
    /// viewer"). Otherwise the whole log from byte 0, as <see cref="OpenAsync"/>. A ranged read has no
    /// Dashboard:ProxyMaxBytes limit: its reader takes one part and closes the fetch, so a log of any size can be read.</summary>
    public async Task<OpenedLog> OpenFromAsync(Uri url, long from, CancellationToken cancellationToken)
    {
        CheckAllowed(url);
        if (from > 0 && await ServesPlainRangesAsync(url, cancellationToken))
        {
            var response = await LogFetcher.FetchAsync(clients.CreateClient(LogFetcher.ClientName), url, allowlist, cancellationToken, (from, null));
            var range = response.Content.Headers.ContentRange;
            if (response.StatusCode == HttpStatusCode.PartialContent && range?.From == from && response.Content.Headers.ContentEncoding.Count == 0)
            {
                return new OpenedLog(response, await response.Content.ReadAsStreamAsync(cancellationToken), range.Length, from);
            }

            response.Dispose();
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && range?.Length is { } length)
            {
                throw new BadParameterException("offset", $"the log has {length} bytes");
            }
        }

        return await OpenAsync(url, cancellationToken);
    }

    private async Task<bool> ServesPlainRangesAsync(Uri url, CancellationToken cancellationToken)
    {
        using var probe = await LogFetcher.FetchAsync(clients.CreateClient(LogFetcher.ClientName), url, allowlist, cancellationToken, (0, 1));
        if (probe.StatusCode != HttpStatusCode.PartialContent || probe.Content.Headers.ContentEncoding.Count > 0
            || probe.Content.Headers.ContentLength is not (1 or 2))
        {
            return false;
        }

        var head = await probe.Content.ReadAsByteArrayAsync(cancellationToken);
        return !(head.Length == 2 && head[0] == 0x1f && head[1] == 0x8b);
    }

    private void CheckAllowed(Uri url)
    {
        if (!allowlist.Allows(url))
        {
            throw new ProxyException(StatusCodes.Status403Forbidden, $"url: {LogFetcher.Describe(url)} is not an allowed log host");
        }
    }

    private async Task FetchAndWriteAsync(HttpContext http, Uri url, CancellationToken cancellationToken)
    {
        await using var log = await OpenAsync(url, cancellationToken);
        var text = log.Text;
        var length = log.Length;
        var reply = http.Response;
        reply.ContentType = "text/plain; charset=utf-8";
        reply.Headers.XContentTypeOptions = "nosniff";
        reply.Headers.AcceptRanges = "bytes";
        var range = ByteRange.Parse(http.Request.Headers.Range);
        if (range is null)
        {
            reply.ContentLength = length;
            await StreamBytes.CopyAsync(text, reply.Body, long.MaxValue, cancellationToken);
        }
        else if (length is { } known)
        {
            await WriteKnownRangeAsync(reply, text, range, known, cancellationToken);
        }
        else if (range.First is { } first)
        {
            await WriteWindowAsync(reply, text, first, range.Last, cancellationToken);
        }
        else
        {
            await WriteSuffixAsync(reply, text, range.Last!.Value, cancellationToken);
        }
    }

    private static async Task WriteKnownRangeAsync(HttpResponse reply, Stream text, ByteRange range, long length, CancellationToken cancellationToken)
    {
        var (start, end) = range.Resolve(length) ?? throw Unsatisfiable(length);
        await StreamBytes.SkipAsync(text, start, cancellationToken);
        Partial(reply, start, end, length);
        await StreamBytes.CopyAsync(text, reply.Body, end - start + 1, cancellationToken);
    }

    // The length is known only once read: the bytes from `first` on are read into memory, RangeWindow at most, then one
    // byte more says whether the log ended there (and so how long it is).
    private static async Task WriteWindowAsync(HttpResponse reply, Stream text, long first, long? last, CancellationToken cancellationToken)
    {
        var skipped = await StreamBytes.SkipAsync(text, first, cancellationToken);
        var want = (int)Math.Min(last is { } l ? l - first + 1 : long.MaxValue, RangeWindow);
        var window = new byte[want];
        var n = skipped < first ? 0 : await text.ReadAtLeastAsync(window, want, throwOnEndOfStream: false, cancellationToken);
        if (n == 0)
        {
            throw Unsatisfiable(skipped);
        }

        var ended = n < want || await text.ReadAsync(new byte[1], cancellationToken) == 0;
        Partial(reply, first, first + n - 1, ended ? first + n : null);
        await reply.Body.WriteAsync(window.AsMemory(0, n), cancellationToken);
    }

    private static async Task WriteSuffixAsync(HttpResponse reply, Stream text, long suffix, CancellationToken cancellationToken)
    {
        if (suffix == 0)
        {
            throw new ProxyException(StatusCodes.Status416RangeNotSatisfiable, "Range: an empty suffix selects nothing");
        }

        var (tail, count, total) = await StreamBytes.TailAsync(text, (int)Math.Min(suffix, RangeWindow), cancellationToken);
        if (count == 0)
        {
            throw Unsatisfiable(total);
        }

        Partial(reply, total - count, total - 1, total);
        await reply.Body.WriteAsync(tail.AsMemory(0, count), cancellationToken);
    }

    private static void Partial(HttpResponse reply, long start, long end, long? length)
    {
        reply.StatusCode = StatusCodes.Status206PartialContent;
        reply.Headers.ContentRange = $"bytes {start}-{end}/{(length is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "*")}";
        reply.ContentLength = end - start + 1;
    }

    private static ProxyException Unsatisfiable(long length) =>
        new(StatusCodes.Status416RangeNotSatisfiable, $"Range: the log has {length} bytes")
        {
            ContentRange = $"bytes */{length}",
        };

    private static IResult Error(int status, string message) => TypedResults.Json(new ErrorBody(message), statusCode: status);
}
