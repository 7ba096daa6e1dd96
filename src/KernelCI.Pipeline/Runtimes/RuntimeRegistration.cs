using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>The runtimes this process can run jobs on (shell kbuild, qemu lab), as IRuntimeFactory services.</summary>
internal static class RuntimeRegistration
{
    public static void Add(IServiceCollection services)
    {
    }
}
