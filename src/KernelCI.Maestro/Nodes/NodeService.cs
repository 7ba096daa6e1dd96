using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Maestro.Events.Log;
using KernelCI.Maestro.Events.WakeUps;
using KernelCI.Maestro.Users;

namespace KernelCI.Maestro.Nodes;

/// <summary>Node writes (upstream's semantics: kernelci/kernelci-api:api/main.py; docs/maestro.md "Nodes"): each one
/// and its event commit in one transaction, then listeners wake. Creates go through the <see cref="NodeCreateQueue"/>,
/// which commits concurrent ones together.</summary>
internal sealed class NodeService(NodeStore nodes, EventStore events, EventsCommitted committed, NodeCreateQueue creates, GroupStore groups,
    MaestroMetrics metrics, TimeProvider time)
{
    /// <summary>Returns the stored node as JSON.</summary>
    public async Task<string> CreateAsync(MaestroUser user, JsonObject body, CancellationToken cancellationToken)
    {
        if (body["id"] is { } id && id.GetValueKind() != JsonValueKind.Null)
        {
            throw MaestroException.BadRequest("id: must not be set when creating a node");
        }

        // Validation is per request and before queueing, so a bad body gets its own 400 and never reaches a batch.
        var node = NodeValidator.Normalise(body, time.GetUtcNow());
        await RequireGroupsAsync(node, cancellationToken);
        return await creates.CreateAsync(node, user.Username, cancellationToken);
    }

    /// <summary>A node's `user_groups` grant edit rights, so they must name groups that exist (upstream refuses others).</summary>
    public Task RequireGroupsAsync(JsonObject node, CancellationToken cancellationToken) =>
        groups.RequireExistAsync(node["user_groups"]!.AsArray().Select(g => g!.GetValue<string>()).ToList(), cancellationToken);

    public async Task<JsonObject> ReplaceAsync(MaestroUser user, string id, JsonObject body, bool noEvent, CancellationToken cancellationToken) =>
        Updated(noEvent, await WriteAsync(async (connection, transaction) =>
        {
            var stored = await LoadForEditAsync(connection, transaction, user, id, cancellationToken);
            var node = NodeValidator.Normalise(body, time.GetUtcNow());
            NodeStates.CheckTransition(stored["state"]!.GetValue<string>(), node["state"]!.GetValue<string>());
            KeepServerFields(node, stored, id);
            // Upstream's KCIDB flag: true only when this request flips it from false to true without a state change.
            var requested = node["processed_by_kcidb_bridge"]!.GetValue<bool>();
            var storedFlag = stored["processed_by_kcidb_bridge"]!.GetValue<bool>();
            if (node["state"]!.GetValue<string>() != stored["state"]!.GetValue<string>() || requested == storedFlag)
            {
                node["processed_by_kcidb_bridge"] = false;
            }

            return await SaveAsync(connection, transaction, node, stored, noEvent, false, cancellationToken);
        }, cancellationToken));

    public async Task<JsonObject> PatchAsync(MaestroUser user, string id, JsonObject patch, bool noEvent, CancellationToken cancellationToken) =>
        Updated(noEvent, await WriteAsync(async (connection, transaction) =>
        {
            var fields = patch.Select(p => p.Key).Where(NodeFields.Patchable.Contains).ToList();
            if (fields.Count == 0)
            {
                throw MaestroException.BadRequest($"No patchable fields given; allowed: {string.Join(", ", NodeFields.Patchable)}");
            }

            var stored = await LoadForEditAsync(connection, transaction, user, id, cancellationToken);
            var merged = stored.DeepClone().AsObject();
            foreach (var field in fields)
            {
                merged[field] = patch[field]?.DeepClone();
            }

            if (!fields.Contains("processed_by_kcidb_bridge"))
            {
                merged["processed_by_kcidb_bridge"] = false;
            }

            var node = NodeValidator.Normalise(merged, time.GetUtcNow());

            NodeStates.CheckTransition(stored["state"]!.GetValue<string>(), node["state"]!.GetValue<string>());
            KeepServerFields(node, stored, id);
            return await SaveAsync(connection, transaction, node, stored, noEvent, false, cancellationToken);
        }, cancellationToken));

    /// <summary>Counts committed writes for <see cref="MaestroMetrics"/>; an update without an event is still an update.</summary>
    public void Counted(int created, int updated, int events)
    {
        metrics.NodesCreated(created);
        metrics.NodesUpdated(updated);
        metrics.EventsAppended(NodeEvents.Channel, events);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await Sql.OpenAsync(nodes.Database, cancellationToken);

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(nodes.Database, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        committed.Notify(NodeEvents.Channel);
        return result;
    }

    public async Task<JsonObject> LoadForEditAsync(DbConnection connection, DbTransaction transaction, MaestroUser user, string id, CancellationToken cancellationToken)
    {
        var stored = await nodes.GetAsync(connection, transaction, id, forUpdate: true, cancellationToken)
            ?? throw MaestroException.NotFound($"Node not found with id: {id}");
        NodePermissions.RequireEdit(user, stored);
        return stored;
    }

    public async Task<JsonObject> SaveAsync(DbConnection connection, DbTransaction transaction, JsonObject node, JsonObject previous,
        bool noEvent, bool isHierarchy, CancellationToken cancellationToken)
    {
        await nodes.UpdateAsync(connection, transaction, node, cancellationToken);
        if (!noEvent)
        {
            var payload = NodeEvents.Payload("updated", node, isHierarchy, previous);
            await events.AppendAsync(connection, transaction, NodeEvents.Channel, node["owner"]?.GetValue<string>(), payload, cancellationToken: cancellationToken);
        }

        return node;
    }

    private JsonObject Updated(bool noEvent, JsonObject node)
    {
        Counted(0, 1, noEvent ? 0 : 1);
        return node;
    }

    // The owner never changes, and PUT ignores the body's submitter and user_groups.
    private static void KeepServerFields(JsonObject node, JsonObject stored, string id)
    {
        node["id"] = id;
        node["owner"] = stored["owner"]?.DeepClone();
        node["submitter"] = stored["submitter"]?.DeepClone();
        node["user_groups"] = stored["user_groups"]?.DeepClone();
    }
}
