using KernelCI.Hosting;
using KernelCI.Kcidb;
using KernelCI.Maestro;
using KernelCI.Pipeline;
using KernelCI.Storage;

namespace KernelCI.Host.Serve;

internal static class Components
{
    public static IReadOnlyList<IComponent> All(PipelineOptions? pipeline = null) =>
        [new MaestroComponent(), new PipelineComponent(pipeline ?? new PipelineOptions()), new KcidbComponent(), new StorageComponent()];
}
