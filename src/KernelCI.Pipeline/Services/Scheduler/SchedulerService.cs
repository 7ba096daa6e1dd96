using KernelCI.Pipeline.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>Upstream's scheduler service: follows `node` (subscriber `scheduler`) and `retry` (`scheduler-retry`)
/// through durable subscriptions, so events published while it was down are scheduled when it returns; the runtimes'
/// submission queues run beside them. Job nodes a previous run created but never submitted are queued before the first
/// event, so none of this run's own nodes can be mistaken for one.</summary>
internal sealed class SchedulerService(EventLoop eventLoop, NodeScheduler scheduler, SubmissionQueue queue, SubmissionRecovery recovery,
    SchedulerIndex index, LoadedRuntimes runtimes, ILogger<SchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SchedulerLog.Loaded(logger, index.Count, string.Join(", ", runtimes.Names));
        var workers = queue.RunAsync(stoppingToken);
        try
        {
            await recovery.EnqueueAsync(stoppingToken);
            await Task.WhenAll(
                eventLoop.RunAsync("scheduler", "node", promiscuous: false, scheduler.HandleNodeEventAsync, stoppingToken),
                eventLoop.RunAsync("scheduler-retry", "retry", promiscuous: false, scheduler.HandleRetryEventAsync, stoppingToken));
        }
        finally
        {
            // The submissions under way finish (or are abandoned at the shutdown timeout) before the service stops.
            await workers;
        }
    }

    /// <summary>Past the host's shutdown timeout, the submissions still under way are cancelled; their nodes have no
    /// job id and are queued again at the next start.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var abandon = cancellationToken.Register(queue.Abandon);
        await base.StopAsync(cancellationToken);
    }
}
