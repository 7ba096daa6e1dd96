using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Events;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>At start, before any event is handled, queues again the job nodes a previous run created and never
/// submitted: every runtime records a `data.job_id` when it accepts a job (docs/labs.md, "Submission"), so a
/// `running` kbuild or job of a loaded runtime without one was left in the queue by a stop. They go first, oldest
/// first. A node that timed out meanwhile is `done` and is not asked for.</summary>
internal sealed class SubmissionRecovery(LoadedRuntimes runtimes, SubmissionQueue queue, MaestroClient maestro, Retry retry,
    ILogger<SubmissionRecovery> logger)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the nodes found at start are queued (tests wait on it).</summary>
    public Task Done => _done.Task;

    public async Task EnqueueAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnqueueAllAsync(cancellationToken);
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private async Task EnqueueAllAsync(CancellationToken cancellationToken)
    {
        foreach (var runtime in runtimes.All)
        {
            var name = runtime.Config.Name;
            var filter = new NodeFilter().Where("state", "running").In("kind", "kbuild", "job").Where("data.runtime", name)
                .Where("data.job_id", null).SortBy("created");
            IReadOnlyList<MaestroNode> nodes;
            try
            {
                nodes = await retry.RunAsync($"unsubmitted jobs of {name}", ct => maestro.GetNodesFastAsync(filter, ct), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Refused, not unreachable (Retry waits that out): the nodes end through their timeout.
                SchedulerLog.RecoveryFailed(logger, name, e.Message);
                continue;
            }

            if (nodes.Count == 0)
            {
                continue;
            }

            SchedulerLog.Recovered(logger, nodes.Count, name);
            foreach (var node in nodes)
            {
                await queue.EnqueueAsync(new PendingSubmission(node, runtime, null), cancellationToken);
            }
        }
    }
}
