using System.Buffers;
using System.Text.Json;

namespace KernelCI.Kcidb.Spool;

/// <summary>A spool file parsed from a pooled buffer, returned when the document is done with. Files of ~10 MB read
/// into fresh arrays land on the large-object heap, one per file, freed only by a full collection: pooled, the server's
/// peak RSS at full scale was 728–750 MiB instead of 803–860 MiB, at the same CPU (docs/benchmarks.md).</summary>
internal sealed class SpoolDocument : IDisposable
{
    // Up to 64 MiB per buffer and 8 per size class: a batch or two in flight, bounded once ingestion stops.
    private static readonly ArrayPool<byte> Buffers = ArrayPool<byte>.Create(64 * 1024 * 1024, 8);

    private byte[]? _buffer;

    private SpoolDocument(JsonDocument document, byte[] buffer)
    {
        Document = document;
        _buffer = buffer;
    }

    public JsonDocument Document { get; }

    /// <exception cref="JsonException">The file is not JSON.</exception>
    public static SpoolDocument Parse(string path, JsonDocumentOptions options)
    {
        using var handle = File.OpenHandle(path);
        var length = checked((int)RandomAccess.GetLength(handle));
        var buffer = Buffers.Rent(length);
        try
        {
            var read = 0;
            while (read < length)
            {
                var count = RandomAccess.Read(handle, buffer.AsSpan(read, length - read), read);
                if (count == 0)
                {
                    throw new IOException($"{path} ended after {read} of {length} bytes");
                }

                read += count;
            }

            return new SpoolDocument(JsonDocument.Parse(buffer.AsMemory(0, length), options), buffer);
        }
        catch
        {
            Buffers.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        Document.Dispose();
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            Buffers.Return(buffer);
        }
    }
}
