using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Maestro.Users;

namespace KernelCI.Maestro.Nodes;

/// <summary>PUT /nodes/{id}: a whole tree in one transaction, authorised on the root, with one event for the root.</summary>
internal sealed class NodeHierarchy(NodeService service, NodeStore nodes, TimeProvider time)
{
    public Task<List<JsonObject>> PutAsync(MaestroUser user, string id, JsonObject body, bool noEvent, CancellationToken cancellationToken) =>
        service.WriteAsync(async (connection, transaction) =>
        {
            var rootBody = body["node"] as JsonObject ?? throw MaestroException.BadRequest("node: field required (an object)");
            var stored = await service.LoadForEditAsync(connection, transaction, user, id, cancellationToken);
            var root = NodeValidator.Normalise(rootBody, time.GetUtcNow());
            root["id"] = id;
            root["owner"] = stored["owner"]?.DeepClone();
            root["submitter"] = stored["submitter"]?.DeepClone();
            root["treeid"] = stored["treeid"]?.DeepClone();
            var written = new List<JsonObject> { await service.SaveAsync(connection, transaction, root, stored, noEvent, true, cancellationToken) };
            await WriteChildrenAsync(connection, transaction, user, root, body["child_nodes"], written, cancellationToken);
            return written;
        }, cancellationToken);

    private async Task WriteChildrenAsync(DbConnection connection, DbTransaction transaction, MaestroUser user, JsonObject parent,
        JsonNode? children, List<JsonObject> written, CancellationToken cancellationToken)
    {
        if (children is null || children.GetValueKind() == JsonValueKind.Null)
        {
            return;
        }

        if (children is not JsonArray list)
        {
            throw MaestroException.BadRequest("child_nodes: must be a list");
        }

        foreach (var child in list)
        {
            var childBody = (child as JsonObject)?["node"] as JsonObject ?? throw MaestroException.BadRequest("child_nodes[].node: field required (an object)");
            var node = NodeValidator.Normalise(childBody, time.GetUtcNow());
            await service.RequireGroupsAsync(node, cancellationToken);
            node["submitter"] = parent["submitter"]?.DeepClone();
            node["treeid"] = parent["treeid"]?.DeepClone();
            if (string.IsNullOrEmpty(node["owner"]?.GetValue<string>()))
            {
                node["owner"] = user.Username;
            }

            if (childBody["id"] is { } idNode && idNode.GetValueKind() != JsonValueKind.Null)
            {
                var childId = ObjectIds.Require(idNode.GetValueKind() == JsonValueKind.String ? idNode.GetValue<string>() : idNode.ToJsonString());
                node["id"] = childId;
                if (!await nodes.ExistsAsync(connection, transaction, childId, cancellationToken))
                {
                    throw MaestroException.NotFound($"Node not found with id: {childId}");
                }

                await nodes.UpdateAsync(connection, transaction, node, cancellationToken);
            }
            else
            {
                node["id"] = ObjectIds.New(time);
                node["parent"] = parent["id"]!.GetValue<string>();
                await nodes.InsertAsync(connection, transaction, node, cancellationToken);
            }

            written.Add(node);
            await WriteChildrenAsync(connection, transaction, user, node, child!["child_nodes"], written, cancellationToken);
        }
    }
}
