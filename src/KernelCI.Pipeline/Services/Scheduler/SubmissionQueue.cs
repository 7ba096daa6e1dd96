using System.Globalization;
using System.Threading.Channels;
using KernelCI.Pipeline.Runtimes;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>One bounded queue per loaded runtime between node creation and submission, each served by its own few
/// workers (runtime setting `submit_workers`, default <see cref="DefaultWorkers"/>), so a slow or dead lab delays
/// only its own jobs (docs/labs.md, "Submission"). With one worker a runtime gets its jobs in creation order; with
/// more, they start in that order. At stop the workers finish the submissions under way (until the host's shutdown
/// timeout, then those are cancelled) and leave the queued ones: their nodes exist without a job id, and
/// <see cref="SubmissionRecovery"/> queues them again at the next start.</summary>
internal sealed class SubmissionQueue : IDisposable
{
    public const int DefaultWorkers = 4;

    /// <summary>Jobs waiting per runtime before the event handler waits for room (and the event cursor with it).</summary>
    public static int Capacity { get; set; } = 10_000;

    private readonly Dictionary<string, Channel<PendingSubmission>> _queues = new(StringComparer.Ordinal);
    private readonly LoadedRuntimes _runtimes;
    private readonly JobSubmitter _submitter;
    private readonly ILogger<SubmissionQueue> _logger;
    private readonly CancellationTokenSource _abandon = new();
    private readonly Lock _lock = new();
    private int _pending;
    private TaskCompletionSource? _idle;

    public SubmissionQueue(LoadedRuntimes runtimes, JobSubmitter submitter, ILogger<SubmissionQueue> logger)
    {
        _runtimes = runtimes;
        _submitter = submitter;
        _logger = logger;
        foreach (var runtime in runtimes.All)
        {
            _queues[runtime.Config.Name] = Channel.CreateBounded<PendingSubmission>(new BoundedChannelOptions(Capacity)
            {
                SingleWriter = false,
                SingleReader = Workers(runtime) == 1,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }
    }

    /// <summary>Queues <paramref name="pending"/> behind its runtime's earlier jobs; waits only when that runtime's
    /// queue is full.</summary>
    public async ValueTask EnqueueAsync(PendingSubmission pending, CancellationToken cancellationToken)
    {
        var writer = _queues[pending.Runtime.Config.Name].Writer;
        lock (_lock)
        {
            _pending++;
        }

        if (writer.TryWrite(pending))
        {
            return;
        }

        SchedulerLog.QueueFull(_logger, pending.Runtime.Config.Name, Capacity);
        try
        {
            await writer.WriteAsync(pending, cancellationToken);
        }
        catch
        {
            Settled();
            throw;
        }
    }

    /// <summary>Completes once every job queued so far has been submitted or failed (tests wait on it).</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return _pending == 0 ? Task.CompletedTask : (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Runs every runtime's workers until <paramref name="stoppingToken"/> fires and the submissions under way
    /// have ended.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(_runtimes.All.SelectMany(r => Enumerable.Range(0, Workers(r)).Select(_ => WorkAsync(r, stoppingToken))));
        int left;
        lock (_lock)
        {
            left = _pending;
        }

        if (left > 0)
        {
            SchedulerLog.LeftQueued(_logger, left);
        }
    }

    /// <summary>Cancels the submissions still under way (the host's shutdown timeout has passed).</summary>
    public void Abandon() => _abandon.Cancel();

    public void Dispose() => _abandon.Dispose();

    private async Task WorkAsync(IRuntime runtime, CancellationToken stoppingToken)
    {
        var reader = _queues[runtime.Config.Name].Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (!stoppingToken.IsCancellationRequested && reader.TryRead(out var pending))
                {
                    try
                    {
                        await _submitter.SubmitAsync(pending, _abandon.Token);
                    }
                    catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
                    {
                        // Shutdown ran out of time: the node has no job id and is queued again at the next start.
                    }
                    catch (Exception e)
                    {
                        // Writing the failure itself failed (Maestro gone for longer than Retry waits): the node stays
                        // running and the timeout service ends it.
                        SchedulerLog.SubmissionFailed(_logger, pending.Node.Id, runtime.Config.Name, e);
                    }
                    finally
                    {
                        Settled();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Settled()
    {
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            if (--_pending == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }

        idle?.TrySetResult();
    }

    private static int Workers(IRuntime runtime) =>
        int.TryParse(runtime.Config.Settings["submit_workers"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var workers) && workers > 0
            ? workers
            : DefaultWorkers;
}
