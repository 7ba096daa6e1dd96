using KernelCI.Data;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>The patchwork service (docs/integrations.md). It needs the deployment's <see cref="Database"/> (pipeline
/// migration 4) and the data folder's <see cref="KernelCI.ServiceDefaults.SecretStore"/> in the container, as `serve`
/// and `kernelci pipeline patchwork` register them. Options: PipelineOptions.Patchwork, unless a
/// <see cref="PatchworkOptions"/> is registered first.</summary>
internal static class PatchworkRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<PipelineOptions>().Patchwork);
        services.TryAddSingleton(new GitRunner());
        services.TryAddSingleton<GitCache>();
        services.TryAddSingleton<ScratchIndex>();
        services.TryAddSingleton(sp => new PatchworkStore(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<PatchworkHealth>();
        services.TryAddSingleton<SeriesApplier>();
        services.TryAddSingleton<SeriesStarter>();
        services.TryAddSingleton<PatchworkService>();
        services.AddHostedService(sp => sp.GetRequiredService<PatchworkService>());
    }
}
