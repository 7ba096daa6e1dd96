using KernelCI.Pipeline.Git;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Services.Trigger;

/// <summary>The trigger service: polls the trees' branches and creates checkout nodes (kernelci/kernelci-pipeline:src/trigger.py).
/// Its options come from PipelineOptions.Trigger unless a <see cref="TriggerOptions"/> is registered first.</summary>
internal static class TriggerRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<PipelineOptions>().Trigger);
        services.TryAddSingleton(new GitRunner());
        services.TryAddSingleton(_ => new NipaBranches(new HttpClient { Timeout = TimeSpan.FromMinutes(1) }));
        services.TryAddSingleton<CheckoutTrigger>();
        services.AddHostedService<TriggerService>();
    }
}
