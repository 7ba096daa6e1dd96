using KernelCI.ServiceDefaults;
using KernelCI.Kcidb;
using KernelCI.Maestro;
using KernelCI.Pipeline;
using KernelCI.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Host.Serve;

internal static class Components
{
    public static IReadOnlyList<IComponent> All(PipelineOptions? pipeline = null, Action<IServiceCollection>? pipelineServices = null) =>
        [new MaestroComponent(), new PipelineComponent(pipeline ?? new PipelineOptions(), pipelineServices), new KcidbComponent(), new StorageComponent()];
}
