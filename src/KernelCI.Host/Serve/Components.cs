using KernelCI.Dashboard;
using KernelCI.Kcidb;
using KernelCI.ServiceDefaults;
using KernelCI.Maestro;
using KernelCI.Notifications;
using KernelCI.Pipeline;
using KernelCI.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Host.Serve;

/// <summary>The one list of the components a deployment runs; each says everything else about itself (IComponent).</summary>
internal static class Components
{
    /// <summary><paramref name="pipelineServices"/> adds services to the pipeline (the benchmarks add a fake kbuild runtime).</summary>
    public static IReadOnlyList<IComponent> All(Action<IServiceCollection>? pipelineServices = null) =>
        [new DashboardComponent(), new MaestroComponent(), new PipelineComponent(extraServices: pipelineServices), new KcidbComponent(), new StorageComponent(),
         new NotificationsComponent()];
}
