using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The end of a pull-lab claim's lease (docs/labs.md, "Leases and re-claims"). Nothing polls: whether a
/// lease ran out is a condition of the claim's SQL (<see cref="PullClaimStore"/>); this adds one
/// <see cref="TimeProvider"/> timer per open claim, armed at its lease's end, that wakes the blocking claims (a job
/// is claimable again) or, after the last lease, finishes the node `incomplete` with `error_code` Infrastructure, as
/// the LAVA runtime ends a job its lab lost, so that the job retry service (Services/JobRetry) retries it. Timers are
/// armed again from the table at start, so a restart loses none; a listing of the lab's jobs finishes exhausted
/// claims too.</summary>
internal sealed class PullLeases(PipelineConfig config, PullClaimStore claims, MaestroClient maestro, TimeProvider time, ILogger<PullLeases> logger)
    : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PullLabSettings> _labs = new(StringComparer.Ordinal);
    private TaskCompletionSource _expired = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when some lease runs out with a re-claim left: a blocking claim then looks again.</summary>
    public Task Expired => Volatile.Read(ref _expired).Task;

    public PullLabSettings Lab(string lab) => _labs.GetOrAdd(lab, name => PullLabSettings.Read(config.Runtimes[name]));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var claim in await claims.OpenAsync(null, cancellationToken))
        {
            Arm(claim.NodeId, claim.Lab, claim.LeaseUntil);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>(Re)arms the timer of <paramref name="nodeId"/>'s claim for <paramref name="until"/>.</summary>
    public void Arm(string nodeId, string lab, DateTimeOffset until)
    {
        var due = until - time.GetUtcNow();
        var self = new StrongBox<ITimer?>();
        var timer = time.CreateTimer(_ => _ = CheckAsync(nodeId, lab, self.Value), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        self.Value = timer;
        _timers.AddOrUpdate(nodeId, timer, (_, old) =>
        {
            old.Dispose();
            return timer;
        });
        timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    public void Disarm(string nodeId)
    {
        if (_timers.TryRemove(nodeId, out var timer))
        {
            timer.Dispose();
        }
    }

    /// <summary>What a lease's timer does at its end: nothing when the claim was renewed or ended meanwhile; else
    /// the job is claimable again, or, after its last lease, its node is finished.</summary>
    internal async Task CheckAsync(string nodeId, string lab, ITimer? timer = null)
    {
        try
        {
            var claim = await claims.GetAsync(nodeId, CancellationToken.None);
            if (claim is null || claim.Ended is not null)
            {
                Forget(nodeId, timer);
                return;
            }

            if (claim.LeaseUntil > time.GetUtcNow())
            {
                // Renewed: the renewal armed a timer of its own.
                return;
            }

            Forget(nodeId, timer);
            var settings = Lab(lab);
            if (claim.Claims < settings.MaxClaims)
            {
                PullLabsLog.LeaseExpired(logger, lab, claim.Worker, nodeId, claim.Claims, settings.MaxClaims);
                Interlocked.Exchange(ref _expired, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                return;
            }

            await AbandonAsync(claim, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The node keeps its own timeout: the timeout service still ends it (node_timeout) if this never succeeds.
            PullLabsLog.LeaseCheckFailed(logger, nodeId, e.Message);
        }
    }

    /// <summary>Finishes the node of <paramref name="claim"/> when its last lease ran out (exactly one caller does):
    /// `done`, `incomplete`, `error_code` Infrastructure. A node already done (a result processed meanwhile) is left.</summary>
    public async Task AbandonAsync(PullClaim claim, CancellationToken cancellationToken)
    {
        var settings = Lab(claim.Lab);
        if (!await claims.AbandonAsync(claim.NodeId, settings.MaxClaims, cancellationToken))
        {
            return;
        }

        Disarm(claim.NodeId);
        var node = await maestro.GetNodeAsync(claim.NodeId, cancellationToken);
        if (node is null || node.State == "done")
        {
            return;
        }

        var data = node.Data.DeepClone().AsObject();
        data["error_code"] = "Infrastructure";
        data["error_msg"] = $"pull lab {claim.Lab}: no result in {claim.Claims} claims of the job (the last by worker {claim.Worker}, whose lease ran out)";
        await maestro.PatchNodeAsync(claim.NodeId, new JsonObject { ["state"] = "done", ["result"] = "incomplete", ["data"] = data },
            cancellationToken: cancellationToken);
        PullLabsLog.Abandoned(logger, claim.Lab, claim.NodeId, claim.Claims, claim.Worker);
    }

    // Removes the timer that fired, not one a later claim of the same job armed meanwhile.
    private void Forget(string nodeId, ITimer? timer)
    {
        if (timer is not null && _timers.TryRemove(new KeyValuePair<string, ITimer>(nodeId, timer)))
        {
            timer.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var nodeId in _timers.Keys)
        {
            Disarm(nodeId);
        }
    }
}
