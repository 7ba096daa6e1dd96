using KernelCI.Pipeline.Runtimes.Qemu;
using KernelCI.Pipeline.Runtimes.Shell;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>The runtimes this process can run jobs on (shell kbuild, qemu lab), as IRuntimeFactory services.</summary>
internal static class RuntimeRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<RunningJobs>();
        services.TryAddSingleton<NodeWriter>();
        services.TryAddSingleton<ArtifactDownloader>();
        services.TryAddSingleton<RuntimeContext>();
        services.AddHostedService(sp => sp.GetRequiredService<RunningJobs>());
        services.AddSingleton<IRuntimeFactory, ShellRuntimeFactory>();
        services.AddSingleton<IRuntimeFactory, QemuRuntimeFactory>();
    }
}
