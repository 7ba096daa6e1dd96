using System.Buffers;

namespace KernelCI.Dashboard.Proxy;

/// <summary>Reading a log part by part through one small pooled buffer.</summary>
internal static class StreamBytes
{
    private const int Chunk = 64 * 1024;

    /// <summary>Reads and drops up to <paramref name="count"/> bytes; returns how many there were.</summary>
    public static async Task<long> SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            long skipped = 0;
            while (skipped < count)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(Chunk, count - skipped)), cancellationToken);
                if (n == 0)
                {
                    break;
                }

                skipped += n;
            }

            return skipped;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies up to <paramref name="count"/> bytes; returns how many there were.</summary>
    public static async Task<long> CopyAsync(Stream from, Stream to, long count, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            long copied = 0;
            while (copied < count)
            {
                var n = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(Chunk, count - copied)), cancellationToken);
                if (n == 0)
                {
                    break;
                }

                await to.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                copied += n;
            }

            return copied;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads to the end, keeping the last <paramref name="keep"/> bytes in order; returns them and the length.</summary>
    public static async Task<(byte[] Tail, int Count, long Total)> TailAsync(Stream stream, int keep, CancellationToken cancellationToken)
    {
        var ring = new byte[keep];
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            long total = 0;
            int n;
            while ((n = await stream.ReadAsync(buffer.AsMemory(0, Chunk), cancellationToken)) > 0)
            {
                for (var i = 0; i < n;)
                {
                    var at = (int)((total + i) % keep);
                    var run = Math.Min(n - i, keep - at);
                    buffer.AsSpan(i, run).CopyTo(ring.AsSpan(at));
                    i += run;
                }

                total += n;
            }

            var count = (int)Math.Min(keep, total);
            var start = (int)((total - count) % keep);
            var tail = new byte[count];
            var first = Math.Min(count, keep - start);
            ring.AsSpan(start, first).CopyTo(tail);
            ring.AsSpan(0, count - first).CopyTo(tail.AsSpan(first));
            return (tail, count, total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
