using System.Buffers;
using System.Collections.Concurrent;

namespace KernelCI.ServiceDefaults.Buffers;

/// <summary>Kestrel's buffers for the listeners that move large bodies (storage, KCIDB submissions), in blocks of
/// <see cref="BlockSize"/> instead of Kestrel's 4 KiB: the socket transport receives into one block at a time, so an
/// upload takes a sixteenth of the recv calls and wake-ups, a body is a sixteenth of the segments, and a response is
/// written with fewer iovecs.
/// Blocks are pinned (the socket reads and writes them in place) and kept for reuse, up to <see cref="Retained"/>.</summary>
public sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;

    // 64 MiB: a busy server keeps its blocks; one that served a burst gives the rest back to the GC.
    private const int Retained = 1024;

    private readonly ConcurrentQueue<LargeBlock> _free = new();

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > BlockSize)
        {
            throw new ArgumentOutOfRangeException(nameof(minBufferSize), minBufferSize, $"at most {BlockSize} bytes");
        }

        return _free.TryDequeue(out var block) ? block : new LargeBlock(this);
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    internal void Return(LargeBlock block)
    {
        if (_free.Count < Retained)
        {
            _free.Enqueue(block);
        }
    }
}
