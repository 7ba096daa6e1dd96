using KernelCI.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>The nipa service (docs/integrations.md, "NIPA"). It needs the deployment's <see cref="Database"/>
/// (pipeline migration 5), as `serve` and `kernelci pipeline nipa` register it. Options: PipelineOptions.Nipa, unless a
/// <see cref="NipaOptions"/> is registered first. It does nothing when no build_config follows a NIPA branch list.</summary>
internal static class NipaRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<PipelineOptions>().Nipa);
        services.TryAddSingleton(sp => new NipaStore(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<NipaPublisher>();
        services.TryAddSingleton<NipaService>();
        services.AddHostedService(sp => sp.GetRequiredService<NipaService>());
    }
}
