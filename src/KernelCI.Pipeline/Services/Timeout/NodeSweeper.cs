using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Timeout;

/// <summary>The three sweeps of upstream's timeout service (kernelci/kernelci-pipeline:src/timeout.py), each one pass over the API.</summary>
internal sealed class NodeSweeper(MaestroClient maestro, TimeProvider timeProvider, PipelineMetrics metrics, ILogger<NodeSweeper> logger,
    IEnumerable<Runtimes.ITimedOutJobs>? timedOutJobs = null)
{
    private const int PageSize = 500;
    private static readonly string[] Pending = ["running", "available", "closing"];

    /// <summary>Non-done nodes past their timeout → done; a null result becomes incomplete with node_timeout. Their
    /// children are left alone: each has its own timeout (kernelci-pipeline#1163).</summary>
    public async Task<int> TimeoutAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var nodes = await AllAsync(() => new NodeFilter().Where("state", "ne", "done").Where("timeout", "lt", now), cancellationToken);
        foreach (var node in nodes)
        {
            var fields = new JsonObject { ["state"] = "done" };
            if (node.Result is null)
            {
                var data = node.Data.DeepClone().AsObject();
                data["error_code"] = "node_timeout";
                data["error_msg"] = "Node timed-out";
                fields["result"] = "incomplete";
                fields["data"] = data;
            }

            await maestro.PatchNodeAsync(node.Id!, fields, cancellationToken: cancellationToken);
            Moved("timeout", node.Id!, "done");
            if (node.Result is null)
            {
                foreach (var jobs in timedOutJobs ?? [])
                {
                    await jobs.TimedOutAsync(node, cancellationToken);
                }
            }
        }

        return nodes.Count;
    }

    /// <summary>Available nodes past their holdoff → closing while a descendant is pending, else done.</summary>
    public async Task<int> HoldoffAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var nodes = await AllAsync(() => new NodeFilter().Where("state", "available").Where("holdoff", "lt", now), cancellationToken);
        foreach (var node in nodes)
        {
            var state = await HasPendingDescendantAsync(node.Id!, cancellationToken) ? "closing" : "done";
            await maestro.PatchNodeAsync(node.Id!, new JsonObject { ["state"] = state }, cancellationToken: cancellationToken);
            Moved("holdoff", node.Id!, state);
        }

        return nodes.Count;
    }

    /// <summary>Closing nodes whose descendants are all done → done.</summary>
    public async Task<int> ClosingAsync(CancellationToken cancellationToken)
    {
        var nodes = await AllAsync(() => new NodeFilter().Where("state", "closing"), cancellationToken);
        var moved = 0;
        foreach (var node in nodes)
        {
            if (await HasPendingDescendantAsync(node.Id!, cancellationToken))
            {
                continue;
            }

            await maestro.PatchNodeAsync(node.Id!, new JsonObject { ["state"] = "done" }, cancellationToken: cancellationToken);
            Moved("closing", node.Id!, "done");
            moved++;
        }

        return moved;
    }

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    private async Task<bool> HasPendingDescendantAsync(string id, CancellationToken cancellationToken)
    {
        var parents = new Queue<string>([id]);
        while (parents.TryDequeue(out var parent))
        {
            if (await maestro.CountAsync(new NodeFilter().Where("parent", parent).In("state", Pending), cancellationToken) > 0)
            {
                return true;
            }

            // All children are done, but a done child may still have pending children of its own.
            foreach (var child in await maestro.GetNodesFastAsync(new NodeFilter().Where("parent", parent), cancellationToken))
            {
                parents.Enqueue(child.Id!);
            }
        }

        return false;
    }

    /// <summary>Every match, collected page by page before any is changed, so changing them does not shift the pages.</summary>
    private async Task<List<MaestroNode>> AllAsync(Func<NodeFilter> filter, CancellationToken cancellationToken)
    {
        var nodes = new List<MaestroNode>();
        while (true)
        {
            var page = await maestro.GetNodesAsync(filter().Limit(PageSize).Offset(nodes.Count), cancellationToken);
            nodes.AddRange(page.Items);
            if (page.Items.Count < PageSize)
            {
                return nodes;
            }
        }
    }

    private void Moved(string mode, string nodeId, string state)
    {
        TimeoutLog.Moved(logger, mode, nodeId, state);
        metrics.NodeMoved(mode, state);
    }
}
