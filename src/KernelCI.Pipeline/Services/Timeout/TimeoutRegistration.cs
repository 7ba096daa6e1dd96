using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Services.Timeout;

/// <summary>The timeout service in its three modes (kernelci/kernelci-pipeline:src/timeout.py): timeout, holdoff and closing, each its own hosted service
/// as upstream runs `timeout.py --mode` three times. Options: PipelineOptions.Timeout.</summary>
internal static class TimeoutRegistration
{
    public static void AddTimeout(IServiceCollection services)
    {
        AddShared(services);
        // A LAVA job still running for a timed-out node is canceled (docs/labs.md).
        services.TryAddSingleton(sp => new Runtimes.Lava.LavaSecrets(sp.GetService<KernelCI.ServiceDefaults.SecretStore>()));
        services.TryAddSingleton(_ => new Runtimes.Lava.LavaHttp());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Runtimes.ITimedOutJobs, Runtimes.Lava.LavaTimedOutJobs>());
        services.AddHostedService<TimeoutSweep>();
    }

    public static void AddHoldoff(IServiceCollection services)
    {
        AddShared(services);
        services.AddHostedService<HoldoffSweep>();
    }

    public static void AddClosing(IServiceCollection services)
    {
        AddShared(services);
        services.AddHostedService<ClosingSweep>();
    }

    private static void AddShared(IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<PipelineOptions>().Timeout);
        services.TryAddSingleton<NodeSweeper>();
    }
}
