using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>The scheduler: turns node and retry events into job nodes on runtimes (kernelci/kernelci-pipeline:src/scheduler.py; docs/pipeline/config-and-scheduler.md).</summary>
internal static class SchedulerRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<LoadedRuntimes>();
        services.AddSingleton<SchedulerIndex>();
        services.AddSingleton<JobParamsBuilder>();
        services.AddSingleton<DedupGuard>();
        services.AddSingleton<JobSubmitter>();
        services.AddSingleton<SubmissionQueue>();
        services.AddSingleton<SubmissionRecovery>();
        services.AddSingleton<NodeScheduler>();
        services.AddHostedService<SchedulerService>();
    }
}
