using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tarball;

/// <summary>The tarball service: checks out new checkouts in a git cache and uploads their source tarball (§1.2).</summary>
internal static class TarballRegistration
{
    public static void Add(IServiceCollection services)
    {
    }
}
