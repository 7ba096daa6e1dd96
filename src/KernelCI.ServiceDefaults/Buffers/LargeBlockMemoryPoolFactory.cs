using Microsoft.AspNetCore.Connections;

namespace KernelCI.ServiceDefaults.Buffers;

/// <summary>Gives Kestrel's transport and connections <see cref="LargeBlockMemoryPool"/>s.</summary>
public sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public System.Buffers.MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
