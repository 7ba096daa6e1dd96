using KernelCI.Hosting;
using KernelCI.Kcidb;
using KernelCI.Storage;
using KernelCI.Maestro;

namespace KernelCI.Host.Serve;

internal static class Components
{
    public static IReadOnlyList<IComponent> All() => [new MaestroComponent(), new KcidbComponent(), new StorageComponent()];
}
