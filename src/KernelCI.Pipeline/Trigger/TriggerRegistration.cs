using KernelCI.Pipeline.Git;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Trigger;

/// <summary>The trigger service: polls the trees' branches and creates checkout nodes (maestro-pipeline.md §1.1).
/// A <see cref="TriggerOptions"/> registered before this one wins over the defaults.</summary>
internal static class TriggerRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(new TriggerOptions());
        services.TryAddSingleton(new GitRunner());
        services.TryAddSingleton<CheckoutTrigger>();
        services.AddHostedService<TriggerService>();
    }
}
