using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Runtimes;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>Hands one job node to its runtime, as upstream's scheduler does right after creating it
/// (kernelci/kernelci-pipeline:src/scheduler.py): a refused job ends done/incomplete with `invalid_job_params` (its
/// parameters or definition are wrong) or `submit_error` (the lab failed), which job-retry retries.</summary>
internal sealed class JobSubmitter(JobParamsBuilder builder, PipelineConfig config, MaestroClient maestro, Retry retry, PipelineMetrics metrics,
    ILogger<JobSubmitter> logger)
{
    public async Task SubmitAsync(PendingSubmission pending, CancellationToken cancellationToken)
    {
        JobRequest request;
        try
        {
            request = pending.Request ?? (await RebuildAsync(pending, cancellationToken)) with { Resumed = true };
        }
        catch (InvalidJobParamsException e)
        {
            await FailAsync(pending.Node, "invalid_job_params", e.Message, cancellationToken);
            return;
        }

        try
        {
            await pending.Runtime.SubmitAsync(request, cancellationToken);
            metrics.JobStarted(pending.Runtime.Config.Name);
        }
        catch (InvalidJobParamsException e)
        {
            await FailAsync(pending.Node, "invalid_job_params", e.Message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(pending.Node, "submit_error", e.Message, cancellationToken);
        }
    }

    public async Task FailAsync(MaestroNode node, string errorCode, string message, CancellationToken cancellationToken)
    {
        SchedulerLog.JobFailed(logger, node.Id, node.Name, errorCode, message);
        var fields = new JsonObject
        {
            ["state"] = "done",
            ["result"] = "incomplete",
            ["data"] = new JsonObject { ["error_code"] = errorCode, ["error_msg"] = message },
        };
        await retry.RunAsync($"fail {node.Id}", ct => maestro.PatchNodeAsync(node.Id!, fields, cancellationToken: ct), cancellationToken);
    }

    /// <summary>The request of a node created before a stop, from what the node records (its job, platform and
    /// parent) and today's configuration; a job or platform no longer configured cannot be built.</summary>
    private async Task<JobRequest> RebuildAsync(PendingSubmission pending, CancellationToken cancellationToken)
    {
        var node = pending.Node;
        if (!config.Jobs.TryGetValue(node.Name, out var job))
        {
            throw new InvalidJobParamsException($"job '{node.Name}' was created before a restart and is no longer configured");
        }

        var platformName = node.Data["platform"]?.ToString() ?? "";
        // An entry without platforms (a kbuild) runs on the platform named after the runtime's lab_type (SchedulerIndex).
        var platform = config.Platforms.GetValueOrDefault(platformName)
            ?? (platformName == pending.Runtime.Config.LabType ? SchedulerIndex.PseudoPlatform(platformName) : null);
        if (platform is null)
        {
            throw new InvalidJobParamsException($"job '{node.Name}' was created before a restart and its platform '{platformName}' is no longer configured");
        }

        var ancestors = await NodeAncestors.WalkAsync(node.Parent,
            (id, token) => retry.RunAsync($"get node {id}", ct => maestro.GetNodeAsync(id, ct), token), cancellationToken);
        return builder.Build(node, job, platform, pending.Runtime.Config.LabType, ancestors);
    }
}
