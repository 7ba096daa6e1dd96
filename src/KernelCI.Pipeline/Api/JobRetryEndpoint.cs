using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Services.JobRetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KernelCI.Pipeline.Api;

/// <summary>POST /api/jobretry: runs a test job again (kci-dev testretry) by publishing its passed kbuild on channel
/// `retry`, as job-retry does, so the scheduler makes a new node of just that job with the next retry counter.</summary>
internal static class JobRetryEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, [FromServices] MaestroClient maestro)
    {
        var body = await ApiInput.ReadAsync(http.Request, http.RequestAborted);
        var nodeId = ApiInput.RequiredNodeId(body, "nodeid");
        var node = await ApiInput.NodeAsync(maestro, "nodeid", nodeId, http.RequestAborted);
        if (node.Kind is not ("job" or "test"))
        {
            throw ApiException.BadRequest($"nodeid: node {nodeId} is a {node.Kind}; only test jobs can be retried");
        }

        // The job to rerun is the ancestor (or the node itself) directly under the kbuild, which may be one above the
        // MaxDepth ancestors a job may have.
        var ancestors = await NodeAncestors.WalkAsync(node.Parent, maestro.GetNodeAsync, http.RequestAborted,
            until: a => a.Kind == "kbuild", maxDepth: NodeAncestors.MaxDepth + 1);
        if (ancestors.Count == 0 || ancestors[^1].Kind != "kbuild")
        {
            throw ApiException.BadRequest(ancestors.Count > NodeAncestors.MaxDepth
                ? $"nodeid: no kbuild within {NodeAncestors.MaxDepth} ancestors of node {nodeId}"
                : $"nodeid: node {nodeId} has no kbuild ancestor to retry from");
        }

        var kbuild = ancestors[^1];
        var job = ancestors.Count > 1 ? ancestors[^2] : node;

        if (kbuild.Result != "pass" || kbuild.State is not ("available" or "done"))
        {
            throw ApiException.BadRequest($"nodeid: the kbuild {kbuild.Id} is {kbuild.State}/{kbuild.Result ?? "null"}, not a finished pass");
        }

        // As job-retry does (kernelci/kernelci-pipeline:src/job_retry.py; docs/pipeline/api.md): the kbuild on channel `retry`, narrowed to this job and platform,
        // with a retry counter above every earlier run of the job there. A new counter is what lets the scheduler make a
        // new node: its dedup key holds it, and a node event would neither match `state: available` entries once the
        // kbuild is done nor get past the dedup of the first run.
        var counter = await NextRetryCounterAsync(maestro, kbuild, job, http.RequestAborted);
        await maestro.PublishAsync("retry", JobRetryService.RetryEvent(job, kbuild, counter), http.RequestAborted);
        return ApiReply.Message($"OK: job {job.Name} of {kbuild.Name} rescheduled (retry {counter})");
    }

    private static async Task<int> NextRetryCounterAsync(MaestroClient maestro, MaestroNode kbuild, MaestroNode job, CancellationToken cancellationToken)
    {
        var filter = new NodeFilter().Where("parent", kbuild.Id).Where("name", job.Name);
        if (job.Data["platform"]?.ToString() is { } platform)
        {
            filter = filter.Where("data.platform", platform);
        }

        var runs = await maestro.GetNodesFastAsync(filter, cancellationToken);
        return runs.Select(r => r.RetryCounter).Append(job.RetryCounter).Max() + 1;
    }
}
