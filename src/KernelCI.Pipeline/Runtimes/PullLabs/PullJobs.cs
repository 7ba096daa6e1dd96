using KernelCI.Client.Maestro;
using KernelCI.Client.Storage;
using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Config;
using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The lab side of pull_labs: the jobs of one lab are its job nodes in state `available` with a
/// `job_definition` artifact (<see cref="PullLabsRuntime"/>) that no claim in <see cref="PullClaimStore"/> holds: never
/// claimed, or claimed under a lease that ran out with re-claims left (<see cref="PullLeases"/>).</summary>
internal sealed class PullJobs(PipelineConfig config, MaestroClient maestro, PullClaimStore claims, PullLeases leases, StorageClient storage,
    PublicUrls urls, TimeProvider time, ILogger<PullJobs> logger)
{
    /// <summary>The job's timeout when its document gives none (PullJobDocument's default).</summary>
    private static readonly TimeSpan DefaultJobTimeout = TimeSpan.FromMinutes(10);

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
        var settings = leases.Lab(lab);
        await AbandonExhaustedAsync(lab, settings, cancellationToken);
        var filter = new NodeFilter().Where("kind", "job").Where("state", "available").Where("data.runtime", lab).SortBy("created").Limit(Page);
        var nodes = (await maestro.GetNodesAsync(filter, cancellationToken)).Items
            .Where(n => n.Artifacts.ContainsKey(PullLabsRuntime.DefinitionArtifact)).ToList();
        var held = await claims.HeldAsync([.. nodes.Select(n => n.Id!)], settings.MaxClaims, cancellationToken);
        return [.. nodes.Where(n => !held.Contains(n.Id!)).Select(n => Job(n))];
    }

    /// <summary>Claims one job by id: 404 when it is no job of this lab, 409 when it is held (or no longer waits).</summary>
    public async Task<PullJob> ClaimAsync(string lab, string worker, string nodeId, CancellationToken cancellationToken)
    {
        await claims.SeenAsync(lab, worker, cancellationToken);
        var node = await JobOfAsync(lab, nodeId, cancellationToken);
        if (node.State != "available")
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"node_id: the job of node {nodeId} no longer waits (state {node.State})");
        }

        return await TryClaimAsync(lab, worker, node, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status409Conflict, $"node_id: the job of node {nodeId} is already claimed");
    }

    /// <summary>Renews <paramref name="worker"/>'s lease on <paramref name="nodeId"/> (the worker reports progress):
    /// 409 when the worker no longer holds it.</summary>
    public async Task<PullJob> ProgressAsync(string lab, string worker, string nodeId, CancellationToken cancellationToken)
    {
        await claims.SeenAsync(lab, worker, cancellationToken);
        var node = await JobOfAsync(lab, nodeId, cancellationToken);
        var claim = await claims.RenewAsync(nodeId, worker, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status409Conflict,
                $"node_id: worker {worker} holds no lease on the job of node {nodeId} (it ran out, or the job ended or went to another worker)");
        leases.Arm(nodeId, lab, claim.LeaseUntil);
        return Job(node, claim.LeaseUntil, claim.Claims);
    }

    /// <summary>Claims the oldest waiting job, waiting at most <paramref name="wait"/> for one: the wait is on
    /// Maestro's event stream (a job node changed), not a timer, so a job scheduled meanwhile is handed out at once.
    /// Null when none came.</summary>
    public async Task<PullJob?> ClaimNextAsync(string lab, string worker, TimeSpan wait, CancellationToken cancellationToken)
    {
        await claims.SeenAsync(lab, worker, cancellationToken);
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

            Task<MaestroEvent?>? read = null;
            while (true)
            {
                // Taken before the look, so a lease running out between the look and the wait is not missed.
                var expired = leases.Expired;
                foreach (var job in await WaitingAsync(lab, cancellationToken))
                {
                    if (await TryClaimAsync(lab, worker, job, cancellationToken) is { } claimed)
                    {
                        return claimed;
                    }
                }

                if (stream is null)
                {
                    return null;
                }

                // A job node changed (the event stream), or a lease ran out (no event: the job node did not change).
                read ??= stream.ReadAsync(deadline.Token);
                var woke = await Task.WhenAny(read, expired.WaitAsync(deadline.Token));
                if (deadline.IsCancellationRequested)
                {
                    return null;
                }

                if (woke == read)
                {
                    if (await read is null)
                    {
                        return null;
                    }

                    read = null;
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

    private Task<PullJob?> TryClaimAsync(string lab, string worker, PullJob job, CancellationToken cancellationToken) =>
        TryClaimAsync(lab, worker, job.Id, job.Definition, () => Task.FromResult(job), cancellationToken);

    private Task<PullJob?> TryClaimAsync(string lab, string worker, MaestroNode node, CancellationToken cancellationToken) =>
        TryClaimAsync(lab, worker, node.Id!, node.Artifacts[PullLabsRuntime.DefinitionArtifact], () => Task.FromResult(Job(node)), cancellationToken);

    private async Task<PullJob?> TryClaimAsync(string lab, string worker, string nodeId, string definition, Func<Task<PullJob>> job,
        CancellationToken cancellationToken)
    {
        var settings = leases.Lab(lab);
        var lease = settings.LeaseFor(settings.Lease is null ? await JobTimeoutAsync(definition, cancellationToken) : TimeSpan.Zero);
        if (await claims.TryClaimAsync(nodeId, lab, worker, lease, settings.MaxClaims, cancellationToken) is not { } count)
        {
            return null;
        }

        var until = time.GetUtcNow() + lease;
        leases.Arm(nodeId, lab, until);
        PullLabsLog.Claimed(logger, lab, worker, nodeId);
        PullLabsLog.Leased(logger, lab, worker, nodeId, until, count, settings.MaxClaims);
        return (await job()) with { LeaseUntil = until, Claims = count };
    }

    /// <summary>The longest `timeout_s` of the job document's tests: the lease is that plus a margin, so a worker that
    /// runs the job to its own timeout still reports within its lease.</summary>
    private async Task<TimeSpan> JobTimeoutAsync(string definition, CancellationToken cancellationToken)
    {
        if (urls.PathOf(definition) is not { } key)
        {
            return DefaultJobTimeout;
        }

        try
        {
            using var buffer = new MemoryStream();
            await storage.DownloadAsync(key, buffer, cancellationToken);
            var seconds = (JsonNode.Parse(buffer.ToArray())?["tests"] as JsonArray ?? [])
                .Select(t => t?["timeout_s"] is JsonValue v && v.TryGetValue<double>(out var s) ? s : 0).DefaultIfEmpty(0).Max();
            return seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultJobTimeout;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or HttpRequestException)
        {
            return DefaultJobTimeout;
        }
    }

    /// <summary>Claims of <paramref name="lab"/> whose last lease ran out finish their node now, if their timer has not
    /// (a host stopped at that moment): the condition is evaluated when the lab asks for jobs.</summary>
    private async Task AbandonExhaustedAsync(string lab, PullLabSettings settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var claim in await claims.OpenAsync(lab, cancellationToken))
        {
            if (claim.Claims >= settings.MaxClaims && claim.LeaseUntil <= now)
            {
                await leases.AbandonAsync(claim, cancellationToken);
            }
        }
    }

    private static PullJob Job(MaestroNode node, DateTimeOffset? leaseUntil = null, int? claims = null) =>
        new(node.Id!, node.Name, node.Data["platform"]?.ToString(), node.Artifacts[PullLabsRuntime.DefinitionArtifact], node.Created, leaseUntil, claims);
}
