using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Bisection;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Services.Regressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Bisection;

/// <summary>The automatic bisection of regressions (docs/regressions.md, "Automatic bisection"): an open regression of
/// our origin, on a tree of the trees configuration, on a series that is not flaky, with more than one commit after the
/// last good one, is bisected in process by kci-dev bisect's <see cref="BisectEngine"/>. Each bisection is a `process`
/// node named `bisection` under the regression node, with its plan, every step and run in `data` as they happen; a
/// user setting it done stops it; a host stopping leaves it running, and the next start resumes it from its state file
/// (WORK/bisections/REGRESSION/state.json). At most one per regression (its node is looked for first), at most
/// <see cref="RegressionsOptions.MaxBisections"/> at once.</summary>
internal sealed class BisectionScheduler(MaestroClient maestro, KcidbClient kcidb, PipelineConfig config, PipelineOptions options,
    IBisectionStepRunners runners, EventLoop loop, TimeProvider time, ILogger<BisectionScheduler> logger) : BackgroundService
{
    public const string NodeName = "bisection";

    private readonly SemaphoreSlim _slots = new(options.Regressions.MaxBisections);
    private readonly ConcurrentDictionary<string, Task> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _byNode = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Bisections under way or waiting for a slot, by regression id (for tests and shutdown).</summary>
    public IReadOnlyDictionary<string, Task> Active => _active;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_active.Values).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeAsync(stoppingToken);
        // Only to hear a user stopping a bisection: its node set to done.
        await loop.RunAsync("bisection", "node", false, HandleEventAsync, stoppingToken);
    }

    /// <summary>Starts bisecting <paramref name="regression"/> when it qualifies; returns at once.</summary>
    public async Task ConsiderAsync(KcidbRegression regression, MaestroNode regressionNode, CancellationToken cancellationToken)
    {
        if (await PlanAsync(regression, regressionNode, cancellationToken) is not { } plan || _active.ContainsKey(plan.RegressionId))
        {
            return;
        }

        var existing = await maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "process").Where("name", NodeName)
            .Where("parent", regressionNode.Id).Limit(1), cancellationToken);
        if (existing.Count > 0)
        {
            return;
        }

        Start(plan, null);
    }

    internal async Task HandleEventAsync(MaestroEvent maestroEvent, CancellationToken cancellationToken)
    {
        if (maestroEvent.NodeId is { } id && maestroEvent.Data is JsonObject data && data["state"]?.ToString() == "done"
            && _byNode.TryGetValue(id, out var cancel))
        {
            RegressionsLog.BisectionCancelled(logger, id);
            try
            {
                await cancel.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // It ended meanwhile (our own end sets the node done too).
            }
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var running = await maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "process").Where("name", NodeName)
            .Where("state", "running"), cancellationToken);
        foreach (var node in running)
        {
            if (node.Data["plan"]?.Deserialize<BisectionPlan>() is { } plan && !_active.ContainsKey(plan.RegressionId))
            {
                RegressionsLog.BisectionResumed(logger, node.Id!);
                Start(plan, node);
            }
        }
    }

    private void Start(BisectionPlan plan, MaestroNode? node)
    {
        // The run removes itself from _active when it ends: it may only begin once it is in there.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_active)
        {
            if (_active.ContainsKey(plan.RegressionId))
            {
                return;
            }

            _active[plan.RegressionId] = RunAfterAsync(gate.Task, plan, node);
        }

        gate.SetResult();
    }

    private async Task RunAfterAsync(Task gate, BisectionPlan plan, MaestroNode? node)
    {
        await gate;
        await RunAsync(plan, node);
    }

    private async Task<BisectionPlan?> PlanAsync(KcidbRegression regression, MaestroNode regressionNode, CancellationToken cancellationToken)
    {
        BisectionPlan? Refuse(string reason)
        {
            RegressionsLog.NotBisected(logger, regression.Id, reason);
            return null;
        }

        if (!options.Regressions.Bisect)
        {
            return null;
        }

        if (regression.Origin != options.Origin)
        {
            return Refuse($"origin {regression.Origin} is not ours");
        }

        if (regression.Flaky || regression.Culprit is not null)
        {
            return Refuse(regression.Flaky ? "the series is flaky" : "already bisected");
        }

        if (config.Trees.Values.FirstOrDefault(t => t.Name == regression.TreeName) is not { } tree)
        {
            return Refuse($"tree {regression.TreeName} is not in the pipeline's trees");
        }

        var failId = regressionNode.Data["fail_node"]?.ToString();
        if (failId is null)
        {
            return Refuse("its failing result is not one of our nodes");
        }

        var chain = await NodeAncestors.WalkAsync(failId, maestro.GetNodeAsync, cancellationToken);
        var kbuild = chain.FirstOrDefault(n => n.Kind == "kbuild");
        var job = chain.FirstOrDefault(n => n.Kind == "job");
        if (kbuild is null || (regression.Kind != "build" && job is null))
        {
            return Refuse("its failing node has no kbuild or job above it");
        }

        IReadOnlyList<string> jobs = regression.Kind == "build" ? [kbuild.Name] : [kbuild.Name, job!.Name];
        IReadOnlyList<string> platforms = job?.Data["platform"]?.ToString() is { Length: > 0 } platform ? [platform] : [];
        return new BisectionPlan(regression.Id, regressionNode.Id!, regression.FirstBadResult, regression.Kind, tree.Name, tree.Url,
            regression.Branch, regression.LastGoodCommit, regression.FirstBadCommit, jobs, platforms,
            regression.Kind == "build" ? kbuild.Name : chain[0].Name);
    }

    private async Task RunAsync(BisectionPlan plan, MaestroNode? node)
    {
        var stopping = _stopping.Token;
        var folder = SafePaths.Under(options.WorkDirectory ?? Path.GetTempPath(), "bisections", plan.RegressionId);
        var stateFile = Path.Combine(folder, "state.json");
        var work = Path.Combine(folder, "git");
        CancellationTokenSource? cancel = null;
        try
        {
            await _slots.WaitAsync(stopping);
            try
            {
                if (node is null)
                {
                    var commits = await BisectEngine.CommitsBetweenAsync(plan.Url, plan.Branch, plan.Good, plan.Bad, work, stopping);
                    if (commits <= 1)
                    {
                        RegressionsLog.NotBisected(logger, plan.RegressionId, "its first bad commit is the last good one's child");
                        return;
                    }

                    node = await CreateNodeAsync(plan, stopping);
                }

                cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                _byNode[node.Id!] = cancel;
                RegressionsLog.BisectionStarted(logger, node.Id!, plan.RegressionId, plan.Good, plan.Bad, plan.Tree);
                await BisectAsync(plan, node, stateFile, work, cancel.Token);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host stops: the node stays running and the next start resumes it.
        }
        catch (OperationCanceledException) when (cancel?.IsCancellationRequested == true)
        {
            // A user set the node done: it stays as they left it.
        }
        catch (Exception e)
        {
            RegressionsLog.BisectionFailed(logger, node?.Id ?? plan.RegressionId, e.Message);
            if (node is not null)
            {
                await FinishNodeAsync(node.Id!, "fail", stateFile, plan, new JsonObject { ["error"] = e.Message }, CancellationToken.None);
            }
        }
        finally
        {
            if (node?.Id is { } id)
            {
                _byNode.TryRemove(id, out _);
            }

            cancel?.Dispose();
            _active.TryRemove(plan.RegressionId, out _);
        }
    }

    private async Task BisectAsync(BisectionPlan plan, MaestroNode node, string stateFile, string work, CancellationToken cancellationToken)
    {
        var state = await BisectStateFile.LoadAsync(stateFile, cancellationToken) ?? new BisectState
        {
            Giturl = plan.Url, Branch = plan.Branch, Good = plan.Good, Bad = plan.Bad, RetryFail = options.Regressions.RetryFail,
            JobFilter = plan.JobFilter, PlatformFilter = plan.PlatformFilter, Test = plan.Test,
        };
        var progress = new NodeProgress(maestro, node.Id!, plan, stateFile);
        var engine = new BisectEngine(runners.Create(plan), time, logger);
        var result = await engine.RunAsync(state, work, stateFile, progress, cancellationToken);
        await progress.DrainAsync();
        if (result.FirstBad is not { } culprit)
        {
            await FinishNodeAsync(node.Id!, "fail", stateFile, plan, new JsonObject
            {
                ["candidates"] = new JsonArray([.. result.Candidates.Select(c => (JsonNode?)JsonValue.Create(c.Sha))]),
                ["error"] = "only skipped commits were left",
            }, CancellationToken.None);
            return;
        }

        RegressionsLog.BisectionFound(logger, node.Id!, culprit.Sha, culprit.Subject);
        await ReportAsync(plan, culprit, node.Id!, work, cancellationToken);
        await FinishNodeAsync(node.Id!, "pass", stateFile, plan, new JsonObject
        {
            ["first_bad"] = new JsonObject { ["commit"] = culprit.Sha, ["subject"] = culprit.Subject, ["author"] = culprit.Author },
            ["issue"] = CulpritReport.IssueId(options.Origin, plan.RegressionId),
        }, CancellationToken.None);
    }

    private async Task ReportAsync(BisectionPlan plan, BisectCommit culprit, string nodeId, string work, CancellationToken cancellationToken)
    {
        // The files the culprit touches, read from the bisection's own clone while it has the commit, for `files`
        // subscriptions (docs/notifications.md, "Files subscriptions"); a git failure leaves them out, not the culprit.
        IReadOnlyList<string>? files = null;
        try
        {
            files = await BisectEngine.CommitFilesAsync(work, culprit.Sha, KcidbCulprit.MaxFiles, cancellationToken);
        }
        catch (BisectionException e)
        {
            RegressionsLog.CulpritFilesUnread(logger, nodeId, culprit.Sha, e.Message);
        }

        try
        {
            var document = CulpritReport.Document(options.Origin, plan, culprit, nodeId);
            await using var body = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));
            await kcidb.SubmitAsync(body, cancellationToken);
            await kcidb.SetCulpritAsync(plan.RegressionId, new KcidbCulprit(culprit.Sha, culprit.Subject, culprit.Author,
                CulpritReport.IssueId(options.Origin, plan.RegressionId), nodeId, files), cancellationToken);
        }
        // The node still names the culprit; KCIDB's copy can be written again by hand.
        catch (Exception e) when (e is KcidbClientException or HttpRequestException)
        {
            RegressionsLog.CulpritNotReported(logger, nodeId, e.Message);
        }
    }

    private async Task<MaestroNode> CreateNodeAsync(BisectionPlan plan, CancellationToken cancellationToken)
    {
        var parent = await maestro.GetNodeAsync(plan.RegressionNodeId, cancellationToken);
        return await maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "process",
            Name = NodeName,
            Path = [.. parent?.Path ?? ["regression"], NodeName],
            Group = parent?.Group,
            Parent = plan.RegressionNodeId,
            State = "running",
            Data = NodeData(plan, null),
            // Days, not upstream's 6 h default: a bisection runs one build and boot after another.
            Timeout = time.GetUtcNow().UtcDateTime.AddDays(3),
            Submitter = "service:pipeline",
        }, cancellationToken);
    }

    private async Task FinishNodeAsync(string nodeId, string result, string stateFile, BisectionPlan plan, JsonObject outcome, CancellationToken cancellationToken)
    {
        var data = NodeData(plan, File.Exists(stateFile) ? JsonNode.Parse(await File.ReadAllTextAsync(stateFile, cancellationToken)) : null);
        data["result"] = outcome;
        await maestro.PatchNodeAsync(nodeId, new JsonObject { ["state"] = "done", ["result"] = result, ["data"] = data }, cancellationToken: cancellationToken);
    }

    internal static JsonObject NodeData(BisectionPlan plan, JsonNode? state) => new()
    {
        ["plan"] = JsonSerializer.SerializeToNode(plan),
        ["bisect"] = state,
    };

    /// <summary>The engine's updates written into the node, one write at a time in order: each step and run decided, the
    /// state file as the engine just saved it.</summary>
    private sealed class NodeProgress(MaestroClient maestro, string nodeId, BisectionPlan plan, string stateFile) : IProgress<BisectUpdate>
    {
        private Task _last = Task.CompletedTask;

        public void Report(BisectUpdate value)
        {
            if (value.Kind is not (BisectUpdateKind.RunFinished or BisectUpdateKind.StepDecided or BisectUpdateKind.RunStarted))
            {
                return;
            }

            lock (this)
            {
                _last = _last.ContinueWith(_ => WriteAsync(value), TaskScheduler.Default).Unwrap();
            }
        }

        public Task DrainAsync()
        {
            lock (this)
            {
                return _last;
            }
        }

        private async Task WriteAsync(BisectUpdate update)
        {
            try
            {
                var data = NodeData(plan, File.Exists(stateFile) ? JsonNode.Parse(await File.ReadAllTextAsync(stateFile)) : null);
                data["now"] = update.Message;
                await maestro.PatchNodeAsync(nodeId, new JsonObject { ["data"] = data });
            }
            catch (Exception e) when (e is MaestroClientException or HttpRequestException or IOException or JsonException)
            {
                // Progress only: the next update or the end writes the node again.
            }
        }
    }
}
