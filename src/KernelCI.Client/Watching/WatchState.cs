using KernelCI.Client.Maestro;

namespace KernelCI.Client.Watching;

/// <summary>The watched nodes and upstream's decision over them (kernelci/kci-dev:kcidev/libs/maestro_common.py
/// `maestro_watch_jobs`), evaluated after every change instead of every 30 s.</summary>
internal sealed class WatchState(WatchRequest request)
{
    private readonly IReadOnlySet<string> _jobs = request.Jobs;
    private readonly IReadOnlySet<string> _names = request.Names;
    private readonly Dictionary<string, WatchedNode> _nodes = new(StringComparer.Ordinal);

    /// <summary>When every job was first seen finished (upstream's `jobs_done_ts`), with a test still to come.</summary>
    public DateTimeOffset? JobsDoneAt { get; private set; }

    public bool Tracks(string id) => _nodes.ContainsKey(id);

    public bool Follows(string name) => _names.Contains(name);

    /// <summary>Records a node of the tree; returns it when it is watched and new or changed, else null.</summary>
    public WatchedNode? Apply(MaestroNode node) =>
        node.Id is null || !Follows(node.Name) ? null : Apply(node.Id, node.Name, node.Kind, node.State, node.Result, node.Created, node.Updated);

    /// <summary>Records a state change carried by an event of a node already tracked.</summary>
    public WatchedNode? Apply(string id, string state, string? result, DateTime? updated) =>
        _nodes.TryGetValue(id, out var known) ? Apply(id, known.Name, known.Kind, state, result, known.Created, updated ?? known.Updated) : null;

    /// <summary>The verdict if the watch is over at <paramref name="now"/>, else null.</summary>
    public WatchOutcome? Decide(DateTimeOffset now)
    {
        var remaining = new HashSet<string>(_jobs, StringComparer.Ordinal);
        var inProgress = 0;
        foreach (var node in Ordered().Where(n => _jobs.Contains(n.Name)))
        {
            switch (node.Status)
            {
                case NodeStatus.Running:
                    inProgress++;
                    break;
                case NodeStatus.Done:
                    remaining.Remove(node.Name);
                    break;
                default:
                    remaining.Remove(node.Name);
                    // A failed job is the test's own failure when the test is that job.
                    if (request.TestName is { } test && test != node.Name)
                    {
                        return Outcome(WatchVerdict.PrerequisiteFailed, node);
                    }

                    break;
            }
        }

        if (remaining.Count > 0 || inProgress > 0)
        {
            return null;
        }

        if (request.TestName is null)
        {
            return Outcome(WatchVerdict.Finished, null);
        }

        JobsDoneAt ??= now;
        // Several nodes may carry the test's name (a retry): upstream reads the last one listed, the newest.
        var testNode = Ordered().LastOrDefault(n => n.Name == request.TestName);
        return testNode?.Result switch
        {
            "pass" => Outcome(WatchVerdict.TestPassed, testNode),
            not null => Outcome(WatchVerdict.TestFailed, testNode),
            null when now - JobsDoneAt >= request.TestResultWait => Outcome(WatchVerdict.TestResultMissing, testNode),
            _ => null,
        };
    }

    /// <summary>When the test result stops being awaited, once every job finished.</summary>
    public DateTimeOffset? Deadline => JobsDoneAt + request.TestResultWait;

    private WatchedNode? Apply(string id, string name, string kind, string state, string? result, DateTime? created, DateTime? updated)
    {
        var node = new WatchedNode(id, name, kind, state, result, NodeRules.StatusOf(name, state, result, request.RootName), created, updated);
        if (_nodes.TryGetValue(id, out var known) && known.State == state && known.Result == result)
        {
            return null;
        }

        _nodes[id] = node;
        return node;
    }

    private IEnumerable<WatchedNode> Ordered() => _nodes.Values.OrderBy(n => n.Created ?? DateTime.MaxValue).ThenBy(n => n.Id, StringComparer.Ordinal);

    private WatchOutcome Outcome(WatchVerdict verdict, WatchedNode? deciding) => new(verdict, deciding, [.. Ordered()]);
}
