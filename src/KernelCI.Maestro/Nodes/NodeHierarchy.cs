using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Maestro.Users;

namespace KernelCI.Maestro.Nodes;

/// <summary>PUT /nodes/{id}: a whole tree in one transaction, with one event for the root. Upstream authorises the root
/// only, so any user could overwrite another's node by listing it as a child (kernelci/kernelci-api:api/main.py;
/// docs/maestro.md "Hierarchy writes"); here a child that names an existing node must be below the root and editable by
/// the caller, as a direct PUT of it would be, and keeps its owner and user_groups as a direct PUT does (the root too:
/// user_groups grant edit rights, so only a create sets them). New children are the caller's.</summary>
internal sealed class NodeHierarchy(NodeService service, NodeStore nodes, TimeProvider time)
{
    public async Task<List<JsonObject>> PutAsync(MaestroUser user, string id, JsonObject body, bool noEvent, CancellationToken cancellationToken)
    {
        var created = new List<JsonObject>();
        var written = await service.WriteAsync(async (connection, transaction) =>
        {
            var rootBody = body["node"] as JsonObject ?? throw MaestroException.BadRequest("node: field required (an object)");
            var stored = await service.LoadForEditAsync(connection, transaction, user, id, cancellationToken);
            var root = NodeValidator.Normalise(rootBody, time.GetUtcNow());
            root["id"] = id;
            root["owner"] = stored["owner"]?.DeepClone();
            root["user_groups"] = stored["user_groups"]?.DeepClone();
            root["submitter"] = stored["submitter"]?.DeepClone();
            root["treeid"] = stored["treeid"]?.DeepClone();
            var written = new List<JsonObject> { await service.SaveAsync(connection, transaction, root, stored, noEvent, true, cancellationToken) };
            await WriteChildrenAsync(connection, transaction, user, new Subtree(nodes, id), root, body["child_nodes"], written, created, cancellationToken);
            // New children are only inserted once the whole tree is validated, parents before children (the walk's
            // order), a few multi-row INSERTs for a LAVA callback's thousands of cases (docs/maestro.md, "Hierarchy writes").
            await nodes.InsertManyAsync(connection, transaction, created, cancellationToken);
            return written;
        }, cancellationToken);
        service.Counted(created.Count, written.Count - created.Count, noEvent ? 0 : 1);
        return written;
    }

    private async Task WriteChildrenAsync(DbConnection connection, DbTransaction transaction, MaestroUser user, Subtree subtree, JsonObject parent,
        JsonNode? children, List<JsonObject> written, List<JsonObject> created, CancellationToken cancellationToken)
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
            node["submitter"] = parent["submitter"]?.DeepClone();
            node["treeid"] = parent["treeid"]?.DeepClone();
            if (ChildId(childBody) is { } childId)
            {
                node["id"] = ObjectIds.Require(childId);
                var stored = await nodes.GetAsync(connection, transaction, childId, forUpdate: true, cancellationToken)
                    ?? throw MaestroException.NotFound($"Node not found with id: {childId}");
                if (!await subtree.ContainsAsync(connection, transaction, childId, stored["parent"]?.GetValue<string>(), cancellationToken))
                {
                    throw MaestroException.BadRequest($"child_nodes: node {childId} is not below node {subtree.RootId}");
                }

                NodePermissions.RequireEdit(user, stored);
                node["owner"] = stored["owner"]?.DeepClone();
                node["user_groups"] = stored["user_groups"]?.DeepClone();
                await nodes.UpdateAsync(connection, transaction, node, cancellationToken);
            }
            else
            {
                node["id"] = ObjectIds.New(time);
                node["parent"] = parent["id"]!.GetValue<string>();
                node["owner"] = user.Username;
                // Only a create sets user_groups (an existing child keeps its stored ones), so only then must they exist.
                await service.RequireGroupsAsync(node, cancellationToken);
                created.Add(node);
            }

            subtree.Add(node["id"]!.GetValue<string>());
            written.Add(node);
            await WriteChildrenAsync(connection, transaction, user, subtree, node, child!["child_nodes"], written, created, cancellationToken);
        }
    }

    private static string? ChildId(JsonObject body) => body["id"] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw MaestroException.BadRequest("child_nodes[].node.id: must be a node id string"),
    };
}
