using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball;
using KernelCI.Pipeline.Services.Tarball.Archive;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>The patchset service: applies developers' patches on top of a checkout and uploads the tarball (kernelci/kernelci-pipeline:src/patchset.py).
/// Options: PipelineOptions.Patchset, unless a <see cref="PatchsetOptions"/> is registered first.</summary>
internal static class PatchsetRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<PipelineOptions>().Patchset);
        services.TryAddSingleton(sp => new PatchOrigins(sp.GetRequiredService<PipelineOptions>().StorageUrl,
            sp.GetRequiredService<PatchsetOptions>().AllowedOrigins));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<PatchsetOptions>();
            return new PatchDownloader(sp.GetRequiredService<PatchOrigins>(), options, PatchDownloader.CreateClient(options),
                sp.GetRequiredService<TimeProvider>());
        });
        // The fast path shares the tarball service's git cache and piece cache, and their in-process locks.
        services.TryAddSingleton(new GitRunner());
        services.TryAddSingleton<GitCache>();
        services.TryAddSingleton<ScratchIndex>();
        services.TryAddSingleton<IncrementalArchive>();
        services.TryAddSingleton<SourceTarball>();
        services.TryAddSingleton<GitCachePatchset>();
        services.TryAddSingleton<PatchsetApplier>();
        services.TryAddSingleton<PatchsetService>();
        services.AddHostedService(sp => sp.GetRequiredService<PatchsetService>());
    }
}
