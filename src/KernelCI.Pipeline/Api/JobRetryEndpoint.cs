using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Services.JobRetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KernelCI.Pipeline.Api;

/// <summary>POST /api/jobretry: runs a test job again (kci-dev testretry) by publishing its passed kbuild on channel
/// `retry`, as job-retry does, so the scheduler makes a new node of just that job with the next retry counter.</summary>
internal static class JobRetryEndpoint
{
    public const int MaxDepth = 32;

    public static async Task<IResult> HandleAsync(HttpContext http, [FromServices] MaestroClient maestro)
    {
        var body = await ApiInput.ReadAsync(http.Request, http.RequestAborted);
        var nodeId = ApiInput.RequiredNodeId(body, "nodeid");
        var node = await ApiInput.NodeAsync(maestro, "nodeid", nodeId, http.RequestAborted);
        if (node.Kind is not ("job" or "test"))
        {
            throw ApiException.BadRequest($"nodeid: node {nodeId} is a {node.Kind}; only test jobs can be retried");
        }

        // The job to rerun is the ancestor (or the node itself) directly under the kbuild.
        var job = node;
        var kbuild = await ParentAsync(maestro, job, http.RequestAborted);
        for (var depth = 0; kbuild is not null && kbuild.Kind != "kbuild"; depth++)
        {
            // Parents are data any Maestro user writes: a loop or an absurd depth must end the walk.
            if (depth >= MaxDepth)
            {
                throw ApiException.BadRequest($"nodeid: no kbuild within {MaxDepth} ancestors of node {nodeId}");
            }

            job = kbuild;
            kbuild = await ParentAsync(maestro, job, http.RequestAborted);
        }

        if (kbuild is null)
        {
            throw ApiException.BadRequest($"nodeid: node {nodeId} has no kbuild ancestor to retry from");
        }

        if (kbuild.Result != "pass" || kbuild.State is not ("available" or "done"))
        {
            throw ApiException.BadRequest($"nodeid: the kbuild {kbuild.Id} is {kbuild.State}/{kbuild.Result ?? "null"}, not a finished pass");
        }

        // As job-retry does (maestro-pipeline.md §6): the kbuild on channel `retry`, narrowed to this job and platform,
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

    private static async Task<MaestroNode?> ParentAsync(MaestroClient maestro, MaestroNode node, CancellationToken cancellationToken) =>
        node.Parent is null ? null : await maestro.GetNodeAsync(node.Parent, cancellationToken);
}
