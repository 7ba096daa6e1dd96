using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Services.Bisection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.JobRetry;

/// <summary>upstream's job retry (kernelci/kernelci-pipeline:src/job_retry.py): a done kbuild or job that is incomplete (or a failed baseline*) and has been
/// retried fewer than <see cref="MaxRetries"/> times gets its parent republished on channel `retry`, narrowed by
/// jobfilter (and platform_filter for jobs) so that the scheduler re-creates only that job.</summary>
internal sealed class JobRetryService(EventLoop loop, MaestroClient maestro, ILogger<JobRetryService> logger) : BackgroundService
{
    public const int MaxRetries = 3;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        loop.RunAsync("job-retry", "node", false, HandleAsync, stoppingToken);

    internal async Task HandleAsync(MaestroEvent maestroEvent, CancellationToken cancellationToken)
    {
        if (maestroEvent.Data is not JsonObject data || data["state"]?.ToString() != "done" || maestroEvent.NodeId is not { } id
            || data["kind"]?.ToString() is not ("kbuild" or "job"))
        {
            return;
        }

        var node = await maestro.GetNodeAsync(id, cancellationToken);
        if (node is null || !RetryableResult(node) || node.Parent is null)
        {
            return;
        }

        if (BisectionStepMark.Of(node) is { } regression)
        {
            JobRetryLog.BisectionStep(logger, node.Id!, node.Name, regression);
            return;
        }

        if (await maestro.GetNodeAsync(node.Parent, cancellationToken) is not { } parent)
        {
            return;
        }

        await maestro.PublishAsync("retry", RetryEvent(node, parent, node.RetryCounter + 1), cancellationToken);
        JobRetryLog.Published(logger, node.Id!, node.Name, node.RetryCounter + 1, parent.Id!);
    }

    /// <summary>Whether job-retry runs <paramref name="node"/> again: upstream's rule, except for the nodes of an
    /// automatic bisection's step (<see cref="BisectionStepMark"/>).</summary>
    internal static bool Retryable(MaestroNode node) => RetryableResult(node) && BisectionStepMark.Of(node) is null;

    /// <summary>Upstream's rule: an incomplete kbuild or job, or a failed baseline job, retried fewer than 3 times.</summary>
    private static bool RetryableResult(MaestroNode node) =>
        node is { State: "done", Kind: "kbuild" or "job" } && node.RetryCounter < MaxRetries
        && (node.Result == "incomplete" || (node.Result == "fail" && node.Kind == "job" && node.Name.StartsWith("baseline", StringComparison.Ordinal)));

    /// <summary>The parent as the scheduler reads it from a node event, with the retry's narrowing: only
    /// <paramref name="node"/>'s job (a kbuild with everything under it), on its platform, as attempt
    /// <paramref name="retryCounter"/>. Also what /api/jobretry publishes (docs/pipeline/api.md).</summary>
    internal static JsonObject RetryEvent(MaestroNode node, MaestroNode parent, int retryCounter)
    {
        var debug = parent.Debug.DeepClone().AsObject();
        debug["retry_by"] = node.Id;
        IReadOnlyList<string> platforms = node.Kind == "job" && node.Data["platform"]?.ToString() is { } platform ? [platform] : [];
        var retry = parent with
        {
            State = "available",
            Jobfilter = [node.Kind == "kbuild" ? node.Name + "+" : node.Name],
            PlatformFilter = platforms,
            RetryCounter = retryCounter,
            Debug = debug,
        };
        return JsonSerializer.SerializeToNode(retry, MaestroJson.Options)!.AsObject();
    }
}
