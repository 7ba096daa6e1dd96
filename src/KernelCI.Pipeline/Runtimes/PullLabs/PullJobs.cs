using KernelCI.Client.Maestro;
using KernelCI.Client.Storage;
using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Config;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The lab side of pull_labs: the jobs of one lab are its job nodes in state `available` with a
/// `job_definition` artifact (<see cref="PullLabsRuntime"/>) and no claim in <see cref="PullClaimStore"/>.</summary>
internal sealed class PullJobs(PipelineConfig config, MaestroClient maestro, PullClaimStore claims, StorageClient storage, PublicUrls urls,
    ILogger<PullJobs> logger)
{
    private const int Page = 100;

    /// <summary>404 unless <paramref name="lab"/> is a configured pull lab.</summary>
    public void RequireLab(string lab)
    {
        if (!config.Runtimes.TryGetValue(lab, out var runtime) || runtime.LabType != PullLabSettings.LabType)
        {
            throw ApiException.NotFound($"lab: '{ApiInput.Shorten(lab)}' is not a pull_labs runtime of this pipeline");
        }
    }

    public async Task<IReadOnlyList<PullJob>> WaitingAsync(string lab, CancellationToken cancellationToken)
    {
        var filter = new NodeFilter().Where("kind", "job").Where("state", "available").Where("data.runtime", lab).SortBy("created").Limit(Page);
        var nodes = (await maestro.GetNodesAsync(filter, cancellationToken)).Items
            .Where(n => n.Artifacts.ContainsKey(PullLabsRuntime.DefinitionArtifact)).ToList();
        var claimed = await claims.ClaimedAsync([.. nodes.Select(n => n.Id!)], cancellationToken);
        return [.. nodes.Where(n => !claimed.Contains(n.Id!)).Select(Job)];
    }

    /// <summary>Claims one job by id: 404 when it is no job of this lab, 409 when it is taken or no longer waits.</summary>
    public async Task<PullJob> ClaimAsync(string lab, string worker, string nodeId, CancellationToken cancellationToken)
    {
        var node = await JobOfAsync(lab, nodeId, cancellationToken);
        if (node.State != "available")
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"node_id: the job of node {nodeId} no longer waits (state {node.State})");
        }

        if (!await claims.TryClaimAsync(nodeId, lab, worker, cancellationToken))
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"node_id: the job of node {nodeId} is already claimed");
        }

        PullLabsLog.Claimed(logger, lab, worker, nodeId);
        return Job(node);
    }

    /// <summary>Claims the oldest waiting job, waiting at most <paramref name="wait"/> for one: the wait is on
    /// Maestro's event stream (a job node changed), not a timer, so a job scheduled meanwhile is handed out at once.
    /// Null when none came.</summary>
    public async Task<PullJob?> ClaimNextAsync(string lab, string worker, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait);
        MaestroEventStream? stream = null;
        try
        {
            // Opened before the first look, so a job made between the look and the wait is not missed.
            if (wait > TimeSpan.Zero)
            {
                stream = await maestro.OpenStreamAsync(new Dictionary<string, string> { ["kind"] = "job" }, null, cancellationToken: cancellationToken);
            }

            while (true)
            {
                foreach (var job in await WaitingAsync(lab, cancellationToken))
                {
                    if (await claims.TryClaimAsync(job.Id, lab, worker, cancellationToken))
                    {
                        PullLabsLog.Claimed(logger, lab, worker, job.Id);
                        return job;
                    }
                }

                if (stream is null || await stream.ReadAsync(deadline.Token) is null)
                {
                    return null;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>The job's JSON document, read from storage.</summary>
    public async Task<byte[]> DefinitionAsync(string lab, string nodeId, CancellationToken cancellationToken)
    {
        var node = await JobOfAsync(lab, nodeId, cancellationToken);
        var url = node.Artifacts[PullLabsRuntime.DefinitionArtifact];
        var key = urls.PathOf(url) ?? throw ApiException.NotFound($"node_id: the job document of node {nodeId} is not in this pipeline's storage");
        using var buffer = new MemoryStream();
        await storage.DownloadAsync(key, buffer, cancellationToken);
        return buffer.ToArray();
    }

    private async Task<MaestroNode> JobOfAsync(string lab, string nodeId, CancellationToken cancellationToken)
    {
        if (nodeId.Length != 24 || !nodeId.All(char.IsAsciiHexDigit))
        {
            throw ApiException.BadRequest($"node_id: '{ApiInput.Shorten(nodeId)}' is not a node id (24 hex digits)");
        }

        MaestroNode? node;
        try
        {
            node = await maestro.GetNodeAsync(nodeId, cancellationToken);
        }
        catch (MaestroClientException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            node = null;
        }

        // Another lab's job is answered as unknown: a lab learns nothing about the others.
        if (node is null || node.Data["runtime"]?.ToString() != lab || !node.Artifacts.ContainsKey(PullLabsRuntime.DefinitionArtifact))
        {
            throw ApiException.NotFound($"node_id: node {nodeId} is no job of lab {lab}");
        }

        return node;
    }

    private static PullJob Job(MaestroNode node) =>
        new(node.Id!, node.Name, node.Data["platform"]?.ToString(), node.Artifacts[PullLabsRuntime.DefinitionArtifact], node.Created);
}
