using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Events;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Sends nodes to KCIDB and marks them processed only once KCIDB accepted the submission, so that a node is
/// either in KCIDB or still unprocessed for the next sweep: nothing is lost, at worst something is sent twice (KCIDB
/// merges repeated objects).</summary>
internal sealed class KcidbSender(MaestroClient maestro, KcidbClient kcidb, PipelineOptions options, PipelineConfig config,
    BridgeOptions bridgeOptions, LogExcerpts logs, Retry retry, ILogger<KcidbSender> logger)
{
    // Events and the sweep may meet on the same node; one sender at a time keeps that to a no-op.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>An event: the node, and for a hierarchy written at once (a job's results) its descendants.</summary>
    public async Task HandleEventAsync(MaestroEvent maestroEvent, CancellationToken cancellationToken)
    {
        if (maestroEvent.Data is not JsonObject data || maestroEvent.NodeId is not { } id
            || !NodeRules.IsSendable(Json.Str(data, "kind"), Json.Str(data, "state")))
        {
            return;
        }

        if (await maestro.GetNodeAsync(id, cancellationToken) is not { } node)
        {
            return;
        }

        var nodes = new List<MaestroNode> { node };
        if (data["is_hierarchy"] is JsonValue h && h.TryGetValue<bool>(out var hierarchy) && hierarchy)
        {
            await AddDescendantsAsync(node, nodes, cancellationToken);
        }

        await SendAsync([.. nodes.Where(n => !n.ProcessedByKcidbBridge && NodeRules.IsSendable(n))], cancellationToken);
    }

    /// <summary>The outbox sweep: every sendable node not yet processed, page by page.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var filter = new NodeFilter().Where("processed_by_kcidb_bridge", "false").In("state", "available", "done")
                .SortBy("created").Limit(bridgeOptions.BatchSize);
            var page = await maestro.GetNodesFastAsync(filter, cancellationToken);
            var marked = await SendAsync([.. page.Where(NodeRules.IsSendable)], cancellationToken);
            total += marked;
            if (page.Count < bridgeOptions.BatchSize || marked == 0)
            {
                return total;
            }
        }
    }

    /// <summary>Sends the nodes in batches; returns how many were marked processed.</summary>
    public async Task<int> SendAsync(IReadOnlyList<MaestroNode> nodes, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var marked = 0;
            foreach (var chunk in nodes.Chunk(bridgeOptions.BatchSize))
            {
                marked += await SendBatchAsync(chunk, cancellationToken);
            }

            return marked;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> SendBatchAsync(MaestroNode[] nodes, CancellationToken cancellationToken)
    {
        var batch = new KcidbBatch();
        var mapper = new KcidbMapper(options.Origin, config, (id, ct) => maestro.GetNodeAsync(id, ct), logs.FetchAsync, options.MaestroUrl);
        foreach (var node in nodes)
        {
            try
            {
                await mapper.AddAsync(node, batch, cancellationToken);
                batch.Processed.Add(node.Id!);
            }
            catch (Exception e) when (!Transient.Is(e, cancellationToken) && e is not OperationCanceledException)
            {
                SendKcidbLog.MapFailed(logger, node.Id, e);
            }
        }

        if (!batch.IsEmpty)
        {
            var document = Encoding.UTF8.GetBytes(batch.ToDocument().ToJsonString());
            try
            {
                await retry.RunAsync("submit to KCIDB", ct => kcidb.SubmitAsync(new MemoryStream(document), ct), cancellationToken);
            }
            catch (KcidbClientException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
            {
                return await SendOneByOneAsync(nodes, e, cancellationToken);
            }
        }

        if (batch.Processed.Count > 0)
        {
            await retry.RunAsync("mark nodes processed", ct => maestro.SetProcessedByKcidbBridgeAsync(batch.Processed, true, ct), cancellationToken);
        }

        SendKcidbLog.Sent(logger, batch.Checkouts.Count, batch.Builds.Count(), batch.Tests.Count, batch.Issues.Count(), batch.Processed.Count);
        return batch.Processed.Count;
    }

    /// <summary>KCIDB refused the document: one bad node must not hold back the others, so each is sent alone and
    /// only the refused ones stay unprocessed (and are logged).</summary>
    private async Task<int> SendOneByOneAsync(MaestroNode[] nodes, KcidbClientException refusal, CancellationToken cancellationToken)
    {
        if (nodes.Length == 1)
        {
            SendKcidbLog.Refused(logger, nodes[0].Id, refusal.Message);
            return 0;
        }

        var marked = 0;
        foreach (var node in nodes)
        {
            marked += await SendBatchAsync([node], cancellationToken);
        }

        return marked;
    }

    private async Task AddDescendantsAsync(MaestroNode root, List<MaestroNode> into, CancellationToken cancellationToken)
    {
        var queue = new Queue<string>([root.Id!]);
        while (queue.TryDequeue(out var parent))
        {
            foreach (var child in await maestro.GetNodesFastAsync(new NodeFilter().Where("parent", parent), cancellationToken))
            {
                into.Add(child);
                queue.Enqueue(child.Id!);
            }
        }
    }
}
