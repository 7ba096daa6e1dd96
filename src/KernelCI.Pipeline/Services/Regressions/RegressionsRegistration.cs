using KernelCI.Pipeline.Services.Bisection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Services.Regressions;

/// <summary>The `regressions` service: KCIDB's regressions as Maestro `regression` nodes, and their automatic bisection
/// (docs/regressions.md). Ours: upstream removed its regression tracker in 2025 (maestro-pipeline.md §6).</summary>
internal static class RegressionsRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<RegressionNodeWriter>();
        services.TryAddSingleton<IBisectionStepRunners, PipelineBisectionStepRunners>();
        services.TryAddSingleton<BisectionScheduler>();
        // The scheduler first: it resumes running bisections before the feed hands it new ones.
        services.AddHostedService(sp => sp.GetRequiredService<BisectionScheduler>());
        services.TryAddSingleton<RegressionFeedService>();
        services.AddHostedService(sp => sp.GetRequiredService<RegressionFeedService>());
    }
}
