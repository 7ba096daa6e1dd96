using System.IO.Compression;

namespace KernelCI.Triage.Lines;

/// <summary>A log as stored: plain, or gzip-compressed as many labs and origins keep them (upstream's logspec
/// worker gunzips a log when needed, kcidb.md §6). The gzip magic bytes decide, not the URL.</summary>
internal static class LogStream
{
    public static async Task<Stream> OpenAsync(Stream log, CancellationToken cancellationToken)
    {
        var head = new byte[2];
        var read = await log.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var whole = new PrefixedStream(head.AsMemory(0, read), log);
        return read == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }
}
