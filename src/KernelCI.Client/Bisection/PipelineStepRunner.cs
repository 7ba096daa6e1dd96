using System.Net;
using KernelCI.Client.Maestro;
using KernelCI.Client.Pipeline;
using KernelCI.Client.Watching;

namespace KernelCI.Client.Bisection;

/// <summary>Tests a commit on the pipeline: POST api/checkout with the job and platform filters, then follow the tree
/// through Maestro's events (<see cref="NodeWatcher"/>) to upstream's verdict (kci-dev.md §3.2): the test passed →
/// good, another result → bad, a prerequisite failed or no result → skip (the child exit codes 0/1/2 upstream's
/// bisect reads: kernelci/kci-dev:kcidev/subcommands/bisect.py).</summary>
public sealed class PipelineStepRunner : IBisectStepRunner
{
    private readonly Func<CheckoutRequest, CancellationToken, Task<System.Text.Json.Nodes.JsonObject>> _checkout;
    private readonly MaestroClient maestro;
    private readonly NodeWatcher watcher;
    private readonly PipelineStepRequest request;
    private readonly IProgress<WatchUpdate>? progress;

    /// <summary>kci-dev's: each step is a POST api/checkout to the pipeline API.</summary>
    public PipelineStepRunner(PipelineClient pipeline, MaestroClient maestro, NodeWatcher watcher, PipelineStepRequest request,
        IProgress<WatchUpdate>? progress = null)
        : this((checkout, ct) => CheckoutAsync(pipeline, checkout, ct), maestro, watcher, request, progress)
    {
    }

    /// <summary>With another way to start a step's checkout, e.g. the pipeline's own automatic bisection creating the
    /// checkout node itself; <paramref name="checkout"/> answers as the pipeline API does (`{"node": {...}}`).</summary>
    public PipelineStepRunner(Func<CheckoutRequest, CancellationToken, Task<System.Text.Json.Nodes.JsonObject>> checkout, MaestroClient maestro,
        NodeWatcher watcher, PipelineStepRequest request, IProgress<WatchUpdate>? progress = null)
    {
        _checkout = checkout;
        this.maestro = maestro;
        this.watcher = watcher;
        this.request = request;
        this.progress = progress;
    }

    /// <summary>Artifacts that are a node's log, in the order looked for: a job's serial log, a build's log.</summary>
    private static readonly string[] LogArtifacts = ["lava_log", "log", "build_log", "test_log"];

    public async Task<StepResult> RunAsync(string commit, CancellationToken cancellationToken)
    {
        var reply = await CheckoutAsync(commit, cancellationToken);
        var checkout = reply["node"]?["id"]?.ToString();
        var treeId = reply["node"]?["treeid"]?.ToString()
            ?? throw new BisectStepException("the pipeline's checkout reply has no node.treeid: " + reply.ToJsonString());
        var outcome = await watcher.WatchAsync(new WatchRequest(treeId, "checkout", request.JobFilter, request.Test), progress, cancellationToken);
        var verdict = outcome.Verdict switch
        {
            WatchVerdict.TestPassed or WatchVerdict.Finished => StepVerdict.Good,
            WatchVerdict.TestFailed => StepVerdict.Bad,
            _ => StepVerdict.Skip,
        };
        var nodes = new List<StepNode>();
        foreach (var node in outcome.Nodes.Where(n => n.Id != checkout).Prepend(outcome.Nodes.FirstOrDefault(n => n.Id == checkout)).OfType<WatchedNode>())
        {
            nodes.Add(new StepNode(node.Id, node.Name, node.State, node.Result, await LogOfAsync(node.Id, cancellationToken)));
        }

        return new StepResult(verdict, nodes, Note(outcome));
    }

    private Task<System.Text.Json.Nodes.JsonObject> CheckoutAsync(string commit, CancellationToken cancellationToken) =>
        _checkout(new CheckoutRequest(request.Url, request.Branch, commit, request.JobFilter, request.PlatformFilter), cancellationToken);

    private static async Task<System.Text.Json.Nodes.JsonObject> CheckoutAsync(PipelineClient pipeline, CheckoutRequest checkout, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.CheckoutAsync(checkout, cancellationToken);
        }
        catch (PipelineClientException e) when ((int)e.StatusCode >= 500 || e.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // The server's trouble, not the request's: the engine tries again after a back-off.
            throw new BisectStepException("the pipeline API: " + e.Message, e);
        }
    }

    private async Task<string?> LogOfAsync(string id, CancellationToken cancellationToken)
    {
        var node = await maestro.GetNodeAsync(id, cancellationToken);
        return node is null ? null : LogArtifacts.Select(key => node.Artifacts.GetValueOrDefault(key)).FirstOrDefault(url => url is not null);
    }

    private static string? Note(WatchOutcome outcome) => outcome.Verdict switch
    {
        WatchVerdict.PrerequisiteFailed => $"{outcome.Deciding?.Name} ended {outcome.Deciding?.State}/{outcome.Deciding?.Result ?? "-"} before the test ran",
        WatchVerdict.TestResultMissing => "no test result 60 s after the jobs finished",
        WatchVerdict.TestFailed => $"{outcome.Deciding?.Name}: {outcome.Deciding?.Result}",
        _ => null,
    };
}
