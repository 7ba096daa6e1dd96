using System.Net;
using System.Text;

namespace KernelCI.Kcidb.Logs;

/// <summary>Reads a whole log as text from our storage or an allowlisted host, the way the dashboard's `proxy/` does:
/// the same allowlist checked on every redirect (<see cref="LogFetcher"/>), gzip undone by its magic bytes
/// (<see cref="LogContent"/>), the same size limit after decompression and time limit for the whole fetch.</summary>
internal sealed class LogReader(IHttpClientFactory clients, ProxyAllowlist allowlist, LogLimits limits, TimeProvider time)
{
    public bool Allows(Uri url) => allowlist.Allows(url);

    /// <exception cref="LogUnavailableException">Refused, not found, too large, too slow or unreadable.</exception>
    public async Task<string> ReadAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!allowlist.Allows(url))
        {
            throw new LogUnavailableException($"{LogFetcher.Describe(url)} is not an allowed log host");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(limits.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await LogFetcher.FetchAsync(clients.CreateClient(LogFetcher.ClientName), url, allowlist, linked.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new LogUnavailableException($"the log server answered {(int)response.StatusCode}");
            }

            var raw = await response.Content.ReadAsStreamAsync(linked.Token);
            var (content, _) = await LogContent.OpenAsync(raw, linked.Token);
            await using var limited = new LimitedStream(content, limits.MaxBytes);
            using var reader = new StreamReader(limited, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
            return await reader.ReadToEndAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new LogUnavailableException($"the log server took longer than {limits.TimeoutSeconds} s");
        }
        catch (ProxyException e)
        {
            throw new LogUnavailableException(e.Message);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException)
        {
            throw new LogUnavailableException(e.Message);
        }
    }
}
