using Microsoft.AspNetCore.Connections;

namespace KernelCI.Kcidb.Submissions;

/// <summary>Gives Kestrel's transport and connections <see cref="LargeBlockMemoryPool"/>s.</summary>
internal sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public System.Buffers.MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
