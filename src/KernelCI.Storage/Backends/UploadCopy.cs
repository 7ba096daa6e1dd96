using Microsoft.Win32.SafeHandles;

namespace KernelCI.Storage.Backends;

internal static class UploadCopy
{
    // Buffers per pwritev: a request's pipe segments are 4 KiB, so a 1 MiB chunk is one call; well under IOV_MAX (1024).
    private const int MaxVectors = 256;

    /// <summary>Writes <paramref name="content"/> to <paramref name="file"/> from the buffers it comes in (one pwritev
    /// per chunk, no copy in user space); returns the bytes written.</summary>
    public static async Task<long> ToFileAsync(IUploadBody content, SafeFileHandle file, CancellationToken cancellationToken)
    {
        var vectors = new List<ReadOnlyMemory<byte>>(MaxVectors);
        long size = 0;
        long hinted = 0;
        while (true)
        {
            var chunk = await content.ReadAsync(cancellationToken);
            if (chunk.IsEmpty)
            {
                return size;
            }

            // Written inline: on Linux an async file write is this same blocking write on another pool thread.
            if (chunk.IsSingleSegment)
            {
                RandomAccess.Write(file, chunk.FirstSpan, size);
                size += chunk.Length;
            }
            else
            {
                foreach (var segment in chunk)
                {
                    vectors.Add(segment);
                    if (vectors.Count == MaxVectors)
                    {
                        size = Write(file, vectors, size);
                    }
                }

                size = Write(file, vectors, size);
            }

            if (size - hinted >= WriteBehind.Window)
            {
                WriteBehind.Start(file, hinted, size - hinted);
                hinted = size;
            }
        }
    }

    private static long Write(SafeFileHandle file, List<ReadOnlyMemory<byte>> vectors, long offset)
    {
        if (vectors.Count == 0)
        {
            return offset;
        }

        RandomAccess.Write(file, vectors, offset);
        foreach (var vector in vectors)
        {
            offset += vector.Length;
        }

        vectors.Clear();
        return offset;
    }
}
