using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Patchset;

/// <summary>The patchset service: applies developers' patches on top of a checkout and uploads the tarball (§6).</summary>
internal static class PatchsetRegistration
{
    public static void Add(IServiceCollection services)
    {
    }
}
