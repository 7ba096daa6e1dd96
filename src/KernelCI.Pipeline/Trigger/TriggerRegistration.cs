using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Trigger;

/// <summary>The trigger service: polls the trees' branches and creates checkout nodes (maestro-pipeline.md §1.1).</summary>
internal static class TriggerRegistration
{
    public static void Add(IServiceCollection services)
    {
    }
}
