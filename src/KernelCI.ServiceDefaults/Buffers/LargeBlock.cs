using System.Buffers;
using System.Runtime.InteropServices;

namespace KernelCI.ServiceDefaults.Buffers;

/// <summary>One pinned block of <see cref="LargeBlockMemoryPool"/>; disposing gives it back to the pool.</summary>
internal sealed class LargeBlock(LargeBlockMemoryPool pool) : IMemoryOwner<byte>
{
    public Memory<byte> Memory { get; } =
        MemoryMarshal.CreateFromPinnedArray(GC.AllocateUninitializedArray<byte>(LargeBlockMemoryPool.BlockSize, pinned: true), 0, LargeBlockMemoryPool.BlockSize);

    public void Dispose() => pool.Return(this);
}
