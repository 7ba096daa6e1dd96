using KernelCI.Pipeline.Git;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>The tarball service: checks out new checkouts in a git cache and uploads their source tarball (kernelci/kernelci-pipeline:src/tarball.py).</summary>
internal static class TarballRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(new GitRunner());
        services.TryAddSingleton<GitCache>();
        services.TryAddSingleton<RevisionReader>();
        services.TryAddSingleton<Archive.IncrementalArchive>();
        services.TryAddSingleton<SourceTarball>();
        services.TryAddSingleton<TarballService>();
        services.AddHostedService(sp => sp.GetRequiredService<TarballService>());
    }
}
