using System.Net;

namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>Fetches a patch from our storage's origin or an allowed one, never anywhere else (so a patchset cannot make
/// the pipeline reach internal addresses): redirects are followed here, each hop checked, and every wait is bounded
/// (connect, headers, each read) so that a host that never answers costs a node a few seconds, not the service.</summary>
internal sealed class PatchDownloader(PatchOrigins origins, PatchsetOptions options, HttpClient http, TimeProvider timeProvider)
{
    /// <summary>The client patches are fetched with: no automatic redirects (see above), a short connect timeout.</summary>
    public static HttpClient CreateClient(PatchsetOptions options) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = options.ConnectTimeout,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = options.DownloadTimeout,
        };

    public async Task<byte[]> DownloadAsync(string patchName, string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new PatchRejectedException($"{patchName}: '{url}' is not an http(s) URL");
        }

        if (!origins.Allows(uri))
        {
            throw new PatchRejectedException($"{patchName}: '{uri.Scheme}://{uri.Authority}' is not the storage origin nor an allowed origin");
        }

        for (var hops = 0; ; hops++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await WithReadTimeoutAsync(patchName, uri,
                token => http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token), cancellationToken);
            if (RedirectTarget(response, uri) is { } next)
            {
                if (hops >= options.MaxRedirects)
                {
                    throw new PatchRejectedException($"{patchName}: {url} redirects more than {options.MaxRedirects} times");
                }

                if (next.Scheme is not ("http" or "https") || !origins.Allows(next))
                {
                    throw new PatchRejectedException($"{patchName}: {uri} redirects to '{next.Scheme}://{next.Authority}', not an allowed origin");
                }

                uri = next;
                continue;
            }

            var status = (int)response.StatusCode;
            if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                throw new PatchDownloadException($"{patchName}: {uri} answered {status}");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new PatchRejectedException($"{patchName}: {uri} answered {status}");
            }

            if (response.Content.Headers.ContentLength > options.MaxPatchBytes)
            {
                throw TooLarge(patchName);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await ReadLimitedAsync(patchName, uri, body, cancellationToken);
        }
    }

    private static Uri? RedirectTarget(HttpResponseMessage response, Uri from) =>
        (int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location
            ? new Uri(from, location)
            : null;

    private async Task<byte[]> ReadLimitedAsync(string patchName, Uri uri, Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await WithReadTimeoutAsync(patchName, uri, token => body.ReadAsync(chunk, token).AsTask(), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxPatchBytes)
            {
                throw TooLarge(patchName);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Runs one wait on the host under ReadTimeout; its expiry, and a connection that fails, are a
    /// <see cref="PatchDownloadException"/> (tried again next poll, counted), never a hang.</summary>
    private async Task<T> WithReadTimeoutAsync<T>(string patchName, Uri uri, Func<CancellationToken, Task<T>> wait, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ReadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await wait(linked.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PatchDownloadException($"{patchName}: {uri.Scheme}://{uri.Authority} did not answer within {options.ReadTimeout.TotalSeconds:0.#} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new PatchDownloadException($"{patchName}: {uri.Scheme}://{uri.Authority} could not be reached ({e.Message})", e);
        }
        catch (IOException e)
        {
            throw new PatchDownloadException($"{patchName}: reading from {uri.Scheme}://{uri.Authority} failed ({e.Message})", e);
        }
    }

    private PatchRejectedException TooLarge(string patchName) => new($"{patchName}: larger than {options.MaxPatchBytes} bytes");
}
