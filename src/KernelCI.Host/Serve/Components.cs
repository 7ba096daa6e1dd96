using KernelCI.Hosting;
using KernelCI.Kcidb;
using KernelCI.Storage;

namespace KernelCI.Host.Serve;

internal static class Components
{
    public static IReadOnlyList<IComponent> All() => [new KcidbComponent(), new StorageComponent()];
}
