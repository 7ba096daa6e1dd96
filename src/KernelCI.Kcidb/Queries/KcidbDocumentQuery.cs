using System.Data.Common;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Queries;

/// <summary>kcidb-query: the named objects, optionally with their parents and then their children, as one v5.3 document
/// holding each object once (upstream's postgresql/v04_00.py query_iter).</summary>
internal sealed class KcidbDocumentQuery(Database database, QuerySql sql)
{
    public async Task<JsonObject> QueryAsync(
        ObjectSelection selection, bool children, bool parents, bool withMetadata, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var graph = new ObjectGraph(selection);
        if (parents)
        {
            await AddParentsAsync(connection, graph, cancellationToken);
        }

        // As upstream, children are walked from everything reached so far, parents included.
        if (children)
        {
            await AddChildrenAsync(connection, graph, cancellationToken);
        }

        var document = new JsonObject { ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 } };
        await AddObjectsAsync(connection, document, KcidbTables.Checkouts, graph.Checkouts, withMetadata, cancellationToken);
        await AddObjectsAsync(connection, document, KcidbTables.Builds, graph.Builds, withMetadata, cancellationToken);
        await AddObjectsAsync(connection, document, KcidbTables.Tests, graph.Tests, withMetadata, cancellationToken);
        await AddIssuesAsync(connection, document, graph.Issues, withMetadata, cancellationToken);
        await AddObjectsAsync(connection, document, KcidbTables.Incidents, graph.Incidents, withMetadata, cancellationToken);
        return document;
    }

    private async Task AddParentsAsync(DbConnection connection, ObjectGraph graph, CancellationToken cancellationToken)
    {
        await WalkAsync(connection, "SELECT issue_id, issue_version, build_id, test_id FROM incidents WHERE " + sql.InIds("id", "ids"),
            graph.Incidents, r =>
            {
                graph.Issues.Add((r.GetString(0), r.GetInt64(1)));
                AddIfPresent(graph.Builds, r, 2);
                AddIfPresent(graph.Tests, r, 3);
            }, cancellationToken);
        await WalkAsync(connection, "SELECT build_id FROM tests WHERE " + sql.InIds("id", "ids"),
            graph.Tests, r => graph.Builds.Add(r.GetString(0)), cancellationToken);
        await WalkAsync(connection, "SELECT checkout_id FROM builds WHERE " + sql.InIds("id", "ids"),
            graph.Builds, r => graph.Checkouts.Add(r.GetString(0)), cancellationToken);
    }

    private async Task AddChildrenAsync(DbConnection connection, ObjectGraph graph, CancellationToken cancellationToken)
    {
        await WalkAsync(connection, "SELECT id FROM builds WHERE " + sql.InIds("checkout_id", "ids"),
            graph.Checkouts, r => graph.Builds.Add(r.GetString(0)), cancellationToken);
        await WalkAsync(connection, "SELECT id FROM tests WHERE " + sql.InIds("build_id", "ids"),
            graph.Builds, r => graph.Tests.Add(r.GetString(0)), cancellationToken);
        await WalkAsync(connection, "SELECT id FROM incidents WHERE " + sql.InIds("build_id", "ids"),
            graph.Builds, r => graph.Incidents.Add(r.GetString(0)), cancellationToken);
        await WalkAsync(connection, "SELECT id FROM incidents WHERE " + sql.InIds("test_id", "ids"),
            graph.Tests, r => graph.Incidents.Add(r.GetString(0)), cancellationToken);
        if (graph.Issues.Count > 0)
        {
            await QueryRunner.ReadAsync(connection,
                "SELECT id FROM incidents WHERE " + sql.InPairs("issue_id", "issue_version", "pairs"),
                c => sql.AddPairs(c, "pairs", graph.Issues), r => graph.Incidents.Add(r.GetString(0)), cancellationToken);
        }
    }

    private async Task WalkAsync(
        DbConnection connection, string text, HashSet<string> from, Action<DbDataReader> onRow, CancellationToken cancellationToken)
    {
        if (from.Count > 0)
        {
            await QueryRunner.ReadAsync(connection, text, c => sql.AddIds(c, "ids", [.. from]), onRow, cancellationToken);
        }
    }

    private async Task AddObjectsAsync(DbConnection connection, JsonObject document, KcidbTable table,
        HashSet<string> ids, bool withMetadata, CancellationToken cancellationToken)
    {
        var text = $"SELECT {ObjectJson.SelectList(sql, table, withMetadata)} FROM {table.Name} WHERE {sql.InIds("id", "ids")} ORDER BY id";
        var objects = new JsonArray();
        await WalkAsync(connection, text, ids, r => objects.Add(ObjectJson.Read(sql, table, r, withMetadata)), cancellationToken);
        if (objects.Count > 0)
        {
            document[table.Name] = objects;
        }
    }

    private async Task AddIssuesAsync(DbConnection connection, JsonObject document,
        HashSet<(string Id, long Version)> keys, bool withMetadata, CancellationToken cancellationToken)
    {
        var table = KcidbTables.Issues;
        var objects = new JsonArray();
        if (keys.Count > 0)
        {
            await QueryRunner.ReadAsync(connection,
                $"SELECT {ObjectJson.SelectList(sql, table, withMetadata)} FROM issues WHERE {sql.InPairs("id", "version", "pairs")} ORDER BY id, version",
                c => sql.AddPairs(c, "pairs", keys), r => objects.Add(ObjectJson.Read(sql, table, r, withMetadata)), cancellationToken);
        }

        if (objects.Count > 0)
        {
            document[table.Name] = objects;
        }
    }

    private static void AddIfPresent(HashSet<string> set, DbDataReader reader, int ordinal)
    {
        if (!reader.IsDBNull(ordinal))
        {
            set.Add(reader.GetString(ordinal));
        }
    }
}
