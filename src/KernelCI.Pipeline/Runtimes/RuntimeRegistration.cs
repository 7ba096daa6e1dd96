using KernelCI.Pipeline.Runtimes.Lava;
using KernelCI.Pipeline.Runtimes.PullLabs;
using KernelCI.Pipeline.Runtimes.Qemu;
using KernelCI.Pipeline.Runtimes.Shell;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>The runtimes this process can run jobs on (shell kbuild, qemu lab, LAVA labs, pull labs), as IRuntimeFactory services.</summary>
internal static class RuntimeRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<RunningJobs>();
        services.TryAddSingleton<NodeWriter>();
        services.TryAddSingleton<ArtifactDownloader>();
        services.TryAddSingleton<RuntimeContext>();
        // The shell runtime reads commits from the tarball service's git cache on the same host (BuildScript, GitSource).
        services.TryAddSingleton(new Git.GitRunner());
        services.TryAddSingleton<Services.Tarball.GitCache>();
        services.AddHostedService(sp => sp.GetRequiredService<RunningJobs>());
        services.AddSingleton<IRuntimeFactory, ShellRuntimeFactory>();
        services.AddSingleton<IRuntimeFactory, QemuRuntimeFactory>();
        services.TryAddSingleton(sp => new LavaSecrets(sp.GetService<KernelCI.ServiceDefaults.SecretStore>()));
        services.TryAddSingleton(_ => new LavaHttp());
        services.AddSingleton<IRuntimeFactory, LavaRuntimeFactory>();
        services.AddSingleton<IRuntimeFactory, PullLabsRuntimeFactory>();
    }
}
