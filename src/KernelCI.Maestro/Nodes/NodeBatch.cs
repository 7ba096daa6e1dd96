using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Maestro.Users;

namespace KernelCI.Maestro.Nodes;

/// <summary>PUT /batch/nodeset: the KCIDB bridge marks nodes sent; nodes the caller may not edit are skipped, no events.</summary>
internal sealed class NodeBatch(NodeService service, NodeStore nodes)
{
    public const int MaxNodes = 10_000;

    public Task<int> SetAsync(MaestroUser user, JsonObject body, CancellationToken cancellationToken)
    {
        if (body["field"]?.GetValueKind() != JsonValueKind.String || body["field"]!.GetValue<string>() != "processed_by_kcidb_bridge")
        {
            throw MaestroException.BadRequest("field: only processed_by_kcidb_bridge may be set in batch");
        }

        var value = body["value"]?.ToString().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw MaestroException.BadRequest("value: must be \"true\" or \"false\""),
        };
        if (body["nodes"] is not JsonArray ids)
        {
            throw MaestroException.BadRequest("nodes: field required (a list of ids)");
        }

        // Every id is read and locked in one transaction; the KCIDB bridge sends its batch size (500 by default).
        if (ids.Count > MaxNodes)
        {
            throw MaestroException.BadRequest($"nodes: more than {MaxNodes} ids in one batch");
        }

        return CountedAsync(service.WriteAsync(async (connection, transaction) =>
        {
            var count = 0;
            foreach (var idNode in ids)
            {
                var id = ObjectIds.Require(idNode?.ToString());
                var node = await nodes.GetAsync(connection, transaction, id, forUpdate: true, cancellationToken)
                    ?? throw MaestroException.NotFound($"Node not found with id: {id}");
                if (!NodePermissions.CanEdit(user, node))
                {
                    continue;
                }

                node["processed_by_kcidb_bridge"] = value;
                await nodes.UpdateAsync(connection, transaction, node, cancellationToken);
                count++;
            }

            return count;
        }, cancellationToken));
    }

    private async Task<int> CountedAsync(Task<int> write)
    {
        var count = await write;
        service.Counted(0, count, 0);
        return count;
    }
}
