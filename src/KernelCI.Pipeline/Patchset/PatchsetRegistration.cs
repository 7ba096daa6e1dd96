using KernelCI.Client.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Patchset;

/// <summary>The patchset service: applies developers' patches on top of a checkout and uploads the tarball (§6).
/// Options: PipelineOptions.Patchset, unless a <see cref="PatchsetOptions"/> is registered first.</summary>
internal static class PatchsetRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<PipelineOptions>().Patchset);
        services.TryAddSingleton(sp => new PatchDownloader(sp.GetRequiredService<StorageClient>(), sp.GetRequiredService<PublicUrls>(),
            sp.GetRequiredService<PipelineOptions>(), sp.GetRequiredService<PatchsetOptions>(),
            new HttpClient { Timeout = TimeSpan.FromMinutes(2) }));
        services.TryAddSingleton<PatchsetApplier>();
        services.TryAddSingleton<PatchsetService>();
        services.AddHostedService(sp => sp.GetRequiredService<PatchsetService>());
    }
}
