using KernelCI.ServiceDefaults.Buffers;

namespace KernelCI.ServiceDefaults.Tests;

public sealed class LargeBlockMemoryPoolTests
{
    [Fact]
    public void Returned_block_is_rented_again()
    {
        using var pool = new LargeBlockMemoryPool();
        var first = pool.Rent();
        var memory = first.Memory;
        first.Dispose();

        using var second = pool.Rent();

        Assert.True(second.Memory.Span.Overlaps(memory.Span));
        Assert.Equal(LargeBlockMemoryPool.BlockSize, second.Memory.Length);
    }

    [Fact]
    public void Rent_larger_than_a_block_throws()
    {
        using var pool = new LargeBlockMemoryPool();

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockSize + 1));
    }
}
