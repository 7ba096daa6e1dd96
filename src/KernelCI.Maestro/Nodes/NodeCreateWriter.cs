using System.Text.Json.Nodes;
using KernelCI.Maestro.Events.Log;
using KernelCI.Maestro.Events.WakeUps;

namespace KernelCI.Maestro.Nodes;

/// <summary>Writes a group of creates, their nodes and their events, in one transaction: one commit (one fsync) and one
/// sequencer wake-up for the whole group instead of one per request.</summary>
internal sealed class NodeCreateWriter(NodeStore nodes, EventStore events, EventsCommitted committed, MaestroMetrics metrics, TimeProvider time)
{
    /// <summary>Completes every request of <paramref name="batch"/> that it settles: a missing parent fails only its own
    /// request (404); the others succeed after the commit. If the transaction fails, it throws and completes none of the
    /// writable ones, so that the caller can retry them.</summary>
    public async Task WriteAsync(IReadOnlyList<PendingCreate> batch, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(nodes.Database, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parents = batch.Select(p => p.Node["parent"]?.GetValue<string>()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var missing = await nodes.MissingAsync(connection, transaction, parents, cancellationToken);
        var writable = new List<PendingCreate>(batch.Count);
        foreach (var pending in batch)
        {
            if (pending.Node["parent"]?.GetValue<string>() is { } parent && missing.Contains(parent))
            {
                pending.Fail(MaestroException.NotFound($"Parent not found with id: {parent}"));
            }
            else
            {
                writable.Add(pending);
            }
        }

        if (writable.Count == 0)
        {
            return;
        }

        // Ids are given here, in write order, so that within a group id order is event order.
        var rows = new List<(JsonObject Node, string Doc)>(writable.Count);
        var eventRows = new List<EventRow>(writable.Count);
        foreach (var pending in writable)
        {
            var node = pending.Node;
            node["id"] = ObjectIds.New(time);
            node["owner"] = pending.Owner;
            rows.Add((node, node.ToJsonString()));
            eventRows.Add(events.Row(NodeEvents.Channel, pending.Owner, NodeEvents.Payload("created", node, false, null)));
        }

        var sql = new SqlText();
        nodes.InsertMany(sql, rows);
        await events.AppendManyAsync(connection, transaction, sql, eventRows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        committed.Notify(NodeEvents.Channel);
        metrics.NodesCreated(writable.Count);
        metrics.EventsAppended(NodeEvents.Channel, writable.Count);
        for (var i = 0; i < writable.Count; i++)
        {
            writable[i].Succeed(rows[i].Doc);
        }
    }
}
