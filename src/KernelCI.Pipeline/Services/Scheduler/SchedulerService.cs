using KernelCI.Pipeline.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>Upstream's scheduler service: follows `node` (subscriber `scheduler`) and `retry` (`scheduler-retry`)
/// through durable subscriptions, so events published while it was down are scheduled when it returns.</summary>
internal sealed class SchedulerService(EventLoop eventLoop, NodeScheduler scheduler, SchedulerIndex index, LoadedRuntimes runtimes,
    ILogger<SchedulerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SchedulerLog.Loaded(logger, index.Count, string.Join(", ", runtimes.Names));
        return Task.WhenAll(
            eventLoop.RunAsync("scheduler", "node", promiscuous: false, scheduler.HandleNodeEventAsync, stoppingToken),
            eventLoop.RunAsync("scheduler-retry", "retry", promiscuous: false, scheduler.HandleRetryEventAsync, stoppingToken));
    }
}
