using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Client.Watching;

/// <summary>One watch's state across reconnections: the nodes seen, the last event sequence, the ids of other trees'
/// nodes already looked up.</summary>
internal sealed class WatchRun(MaestroClient maestro, TimeProvider time, WatchRequest request, IProgress<WatchUpdate>? progress)
{
    private readonly WatchState _state = new(request);
    private readonly HashSet<string> _otherTrees = new(StringComparer.Ordinal);
    private long? _after;

    /// <summary>One connection: opens the feed, reads the tree, applies events. Null when the feed ended (reconnect).</summary>
    public async Task<WatchOutcome?> FollowAsync(Action connected, CancellationToken cancellationToken)
    {
        await using var feed = await NodeEventFeed.OpenAsync(maestro, request.Names, _after, cancellationToken);
        if (await ReadTreeAsync(cancellationToken) is { } early)
        {
            return early;
        }

        connected();
        progress?.Report(new WatchUpdate(WatchUpdateKind.Connected, Detail: request.TreeId));
        while (true)
        {
            var (next, timedOut) = await NextAsync(feed, cancellationToken);
            if (timedOut)
            {
                // One last read: a test node written under a job outside the filter sends no event of its own name.
                return await ReadTreeAsync(cancellationToken);
            }

            if (next is null)
            {
                return null;
            }

            _after = next.Sequence ?? _after;
            if (await ApplyAsync(next, cancellationToken) is { } outcome)
            {
                return outcome;
            }
        }
    }

    private async Task<WatchOutcome?> ReadTreeAsync(CancellationToken cancellationToken)
    {
        var nodes = await maestro.GetNodesFastAsync(new NodeFilter().Where("treeid", request.TreeId), cancellationToken);
        foreach (var node in nodes)
        {
            Report(_state.Apply(node));
        }

        return Decide();
    }

    private async Task<WatchOutcome?> ApplyAsync(MaestroEvent next, CancellationToken cancellationToken)
    {
        if (next.Data is not JsonObject data || next.NodeId is not { } id || !_state.Follows(data["name"]?.ToString() ?? ""))
        {
            return null;
        }

        if (!_state.Tracks(id))
        {
            if (_otherTrees.Contains(id))
            {
                return null;
            }

            var node = await maestro.GetNodeAsync(id, cancellationToken);
            if (node?.Treeid != request.TreeId)
            {
                _otherTrees.Add(id);
                return null;
            }

            Report(_state.Apply(node));
        }
        else
        {
            Report(_state.Apply(id, data["state"]?.ToString() ?? "", data["result"]?.ToString(), null));
        }

        // A hierarchy write (a job and its results in one PUT) sends one event, for its root: read the new children.
        return data["is_hierarchy"]?.GetValueKind() == System.Text.Json.JsonValueKind.True ? await ReadTreeAsync(cancellationToken) : Decide();
    }

    private WatchOutcome? Decide()
    {
        var waiting = _state.JobsDoneAt is null;
        var outcome = _state.Decide(time.GetUtcNow());
        if (outcome is null && waiting && _state.JobsDoneAt is not null)
        {
            progress?.Report(new WatchUpdate(WatchUpdateKind.WaitingForTest, Detail: request.TestName));
        }

        return outcome;
    }

    /// <summary>The next event, or timed out when the test's deadline passes first.</summary>
    private async Task<(MaestroEvent? Next, bool TimedOut)> NextAsync(NodeEventFeed feed, CancellationToken cancellationToken)
    {
        if (_state.Deadline is not { } deadline)
        {
            return (await feed.ReadAsync(cancellationToken), false);
        }

        var remaining = deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return (null, true);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var read = feed.ReadAsync(stop.Token);
        var delay = Task.Delay(remaining, time, stop.Token);
        var first = await Task.WhenAny(read, delay);
        await stop.CancelAsync();
        if (first == read)
        {
            return (await read, false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await read;
        }
        catch (OperationCanceledException)
        {
            // The read was stopped for the deadline; the feed is closed right after.
        }

        return (null, true);
    }

    private void Report(WatchedNode? changed)
    {
        if (changed is not null)
        {
            progress?.Report(new WatchUpdate(WatchUpdateKind.NodeChanged, changed));
        }
    }
}
