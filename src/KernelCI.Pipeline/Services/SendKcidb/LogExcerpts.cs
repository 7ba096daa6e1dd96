using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Downloads build and serial logs (gzipped or plain) for log excerpts and issue signatures.</summary>
internal sealed class LogExcerpts(ILogger<LogExcerpts> logger)
{
    /// <summary>KCIDB's log_excerpt limit (maxLength in the v5.3 schema).</summary>
    public const int ExcerptLength = 16384;

    private const long MaxLogBytes = 64L * 1024 * 1024;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>The whole log text with NULs removed, or null when it cannot be fetched: a missing log must not hold
    /// back the results it belongs to.</summary>
    public async Task<string?> FetchAsync(string? url, CancellationToken cancellationToken)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                SendKcidbLog.LogMissing(logger, url, $"HTTP {(int)response.StatusCode}");
                return null;
            }

            var bytes = await ReadCappedAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken);
            return Decode(bytes);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            SendKcidbLog.LogMissing(logger, url, e.Message);
            return null;
        }
    }

    /// <summary>The text of a log that may be gzipped (our logs are; LAVA's raw ones may not be).</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }

        return Encoding.UTF8.GetString(bytes).Replace("\0", "", StringComparison.Ordinal);
    }

    /// <summary>The last 16 KiB of the log, where a build or boot says why it ended.</summary>
    public static string? Excerpt(string? log) =>
        string.IsNullOrEmpty(log) ? null : log.Length <= ExcerptLength ? log : log[^ExcerptLength..];

    private static async Task<byte[]> ReadCappedAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0 && buffer.Length < MaxLogBytes)
            {
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
