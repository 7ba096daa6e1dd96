using KernelCI.Hosting;
using KernelCI.Kcidb;

namespace KernelCI.Host.Serve;

internal static class Components
{
    public static IReadOnlyList<IComponent> All() => [new KcidbComponent()];
}
