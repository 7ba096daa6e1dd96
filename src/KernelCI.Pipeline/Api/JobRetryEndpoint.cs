using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Api;

/// <summary>POST /api/jobretry: runs a test job again (kci-dev testretry) by republishing its passed kbuild as an
/// `updated` node event whose jobfilter names only that kbuild and job, so the scheduler schedules just that job.</summary>
internal static class JobRetryEndpoint
{
    public const int MaxDepth = 32;

    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        var (_, body, _, maestro, _) = await ApiRequest.ReadAsync(http, "testretry");
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

        var data = JsonSerializer.SerializeToNode(kbuild, MaestroJson.Options)!.AsObject();
        data["op"] = "updated";
        data["is_hierarchy"] = false;
        data["jobfilter"] = new JsonArray(kbuild.Name, job.Name);
        await maestro.PublishAsync("node", data, http.RequestAborted);
        return ApiReply.Message($"OK: job {job.Name} of {kbuild.Name} rescheduled");
    }

    private static async Task<MaestroNode?> ParentAsync(MaestroClient maestro, MaestroNode node, CancellationToken cancellationToken) =>
        node.Parent is null ? null : await maestro.GetNodeAsync(node.Parent, cancellationToken);
}
