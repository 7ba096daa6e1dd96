using System.IO.Compression;

namespace KernelCI.Kcidb.Logs;

/// <summary>A log's text as a stream: gunzipped while it starts with gzip's magic bytes, whatever its name or headers say
/// (logs are stored as .gz or not, and some servers add their own Content-Encoding; kernelci/dashboard#1887 does the same
/// in the browser), a few layers at most.</summary>
internal static class LogContent
{
    private const int MaxLayers = 3;

    public static async Task<(Stream Text, bool Decompressed)> OpenAsync(Stream raw, CancellationToken cancellationToken)
    {
        var stream = raw;
        var decompressed = false;
        for (var layer = 0; layer <= MaxLayers; layer++)
        {
            var head = new byte[2];
            var n = await stream.ReadAtLeastAsync(head, 2, throwOnEndOfStream: false, cancellationToken);
            stream = new PrefixedStream(head, n, stream);
            if (n < 2 || head[0] != 0x1f || head[1] != 0x8b || layer == MaxLayers)
            {
                break;
            }

            stream = new GZipStream(stream, CompressionMode.Decompress);
            decompressed = true;
        }

        return (stream, decompressed);
    }
}
