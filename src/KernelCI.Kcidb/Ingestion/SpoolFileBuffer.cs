using System.Buffers;

namespace KernelCI.Kcidb.Ingestion;

/// <summary>A spool file's bytes in a pooled array. Submissions are tens of MB each: a new array per file was a
/// large-object-heap allocation of the whole file (zeroed, and freed only by a full collection), which kept several
/// batches' worth of dead bodies in the process's memory.</summary>
internal sealed class SpoolFileBuffer : IDisposable
{
    private byte[]? _array;

    private SpoolFileBuffer(byte[] array, int length)
    {
        _array = array;
        Memory = array.AsMemory(0, length);
    }

    public ReadOnlyMemory<byte> Memory { get; private set; }

    public static SpoolFileBuffer Read(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = checked((int)RandomAccess.GetLength(handle));
        var array = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = 0;
            while (read < length)
            {
                var count = RandomAccess.Read(handle, array.AsSpan(read, length - read), read);
                if (count == 0)
                {
                    throw new IOException($"{path} ended after {read} of {length} bytes");
                }

                read += count;
            }

            return new SpoolFileBuffer(array, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }
    }

    /// <summary>Only once nothing points into the bytes any more: the parsed document and the rows built from it.</summary>
    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            Memory = default;
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
