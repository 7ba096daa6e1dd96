using KernelCI.Pipeline.Runtimes.Lava;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Labs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Labs;

/// <summary>The lab view's services, with LAVA's <see cref="ILabKind"/>; other lab kinds register theirs.</summary>
internal static class LabViewRegistration
{
    public static IServiceCollection AddLabView(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new LavaSecrets(sp.GetService<SecretStore>()));
        services.TryAddSingleton(_ => new LavaHttp());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILabKind, LavaLabKind>());
        services.TryAddSingleton<LabHealthCache>();
        services.TryAddSingleton<LabNodes>();
        services.TryAddSingleton<ILabView, LabViewService>();
        return services;
    }
}
