using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using ModelContextProtocol.Server;

namespace KernelCI.KciDev.Mcp;

/// <summary>Maestro nodes, listed only when the instance has `api` (upstream's `get_node`, `list_nodes`:
/// kernelci/kci-dev:kcidev/mcp/tools_maestro.py).</summary>
[McpServerToolType]
internal sealed class MaestroTools(MaestroClient maestro)
{
    [McpServerTool(Name = "get_node", ReadOnly = true, OpenWorld = false)]
    [Description("One Maestro node (checkout, build, job or test run) by its 24-character hex id: state (running, available, closing, done), result (pass, fail, incomplete, skip), artifacts and times. Use it to follow a job started with trigger_checkout or retry_job.")]
    public async Task<JsonNode> GetNode([Description("Maestro node id")] string node_id, CancellationToken cancellationToken = default)
    {
        var node = await maestro.GetNodeAsync(ToolInput.Segment("node_id", node_id), cancellationToken)
            ?? throw new ToolArgumentException("node_id", $"no node {node_id}");
        return JsonSerializer.SerializeToNode(node, MaestroJson.Options)!;
    }

    [McpServerTool(Name = "list_nodes", ReadOnly = true, OpenWorld = false)]
    [Description("Maestro nodes, oldest first, filtered by 'field=value' strings such as 'name=checkout', 'state=done', 'result=fail' or 'treeid=<id>'; append an operator to the field for other matches ('name__re=baseline', 'created__gt=2026-07-01'). Window recent nodes with a created__gt filter rather than paging from the start; project with fields, nodes are large.")]
    public async Task<JsonNode> ListNodes(
        [Description("'field=value' filters")] string[]? filters = null,
        [Description("Page size")] int limit = 50,
        [Description("Nodes to skip")] int offset = 0,
        [Description("Only these keys of each node")] string[]? fields = null,
        CancellationToken cancellationToken = default)
    {
        ToolInput.Positive("limit", limit, 1000);
        if (offset < 0)
        {
            throw new ToolArgumentException("offset", $"must be 0 or more, got {offset}");
        }

        var filter = new NodeFilter();
        foreach (var term in filters ?? [])
        {
            var split = term.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                throw new ToolArgumentException("filters", $"'{term}' is not field=value");
            }

            filter.Where(term[..split], term[(split + 1)..]);
        }

        var nodes = await maestro.GetNodesFastAsync(filter.Limit(limit).Offset(offset), cancellationToken);
        return new JsonArray([.. nodes.Select(n => Paging.Project(JsonSerializer.SerializeToNode(n, MaestroJson.Options)!.AsObject(), fields))]);
    }
}
