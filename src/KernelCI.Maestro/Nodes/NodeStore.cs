using System.Data.Common;
using System.Text.Json.Nodes;
using KernelCI.Data;

namespace KernelCI.Maestro.Nodes;

/// <summary>Node rows: indexed columns plus the whole node as JSON (JSONB on PostgreSQL).</summary>
internal sealed class NodeStore(Database database, MaestroOptions options)
{
    private const string Columns =
        "id, kind, name, \"group\", parent, state, result, owner, submitter, treeid, created, updated, timeout, holdoff, processed_by_kcidb_bridge, retry_counter, doc";

    public Database Database => database;

    private readonly SqlDialect _sql = SqlDialect.For(database.Kind);

    private string Doc => _sql.JsonParameter("@doc");

    private string InsertSql =>
        $"INSERT INTO maestro_nodes ({Columns}) VALUES (@id, @kind, @name, @group, @parent, @state, @result, @owner, @submitter, @treeid, @created, @updated, @timeout, @holdoff, @kcidb, @retry, {Doc})";

    public async Task<string?> GetJsonAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        return await GetJsonAsync(connection, null, id, forUpdate: false, cancellationToken);
    }

    public async Task<string?> GetJsonAsync(DbConnection connection, DbTransaction? transaction, string id, bool forUpdate, CancellationToken cancellationToken)
    {
        var lockClause = forUpdate ? _sql.ForUpdate : "";
        await using var command = Sql.Command(connection, transaction, "SELECT doc FROM maestro_nodes WHERE id = @id" + lockClause, ("id", id));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<JsonObject?> GetAsync(DbConnection connection, DbTransaction? transaction, string id, bool forUpdate, CancellationToken cancellationToken) =>
        await GetJsonAsync(connection, transaction, id, forUpdate, cancellationToken) is { } json ? JsonNode.Parse(json)!.AsObject() : null;

    /// <summary>Whether the node exists, and its parent's id.</summary>
    public async Task<(bool Found, string? Parent)> ParentAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "SELECT parent FROM maestro_nodes WHERE id = @id", ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (true, reader.IsDBNull(0) ? null : reader.GetString(0)) : (false, null);
    }

    /// <summary>The statement <see cref="QueryAsync"/> runs, exposed so that tests can check its plan.</summary>
    public static (string Text, IReadOnlyList<KeyValuePair<string, object?>> Parameters) QuerySql(DatabaseKind kind, NodeQuery query)
    {
        var dialect = SqlDialect.For(kind);
        var sql = new FilterSql(dialect);
        var text = "SELECT doc FROM maestro_nodes" + sql.Where(query.Conditions) + sql.OrderBy(query.Sort);
        if (query.Limit is { } limit)
        {
            text += " LIMIT " + sql.Add((long)limit);
        }
        else if (query.Offset > 0)
        {
            text += dialect.NoLimit;
        }

        if (query.Offset > 0)
        {
            text += " OFFSET " + sql.Add((long)query.Offset);
        }

        return (text, sql.Parameters);
    }

    public async Task<List<string>> QueryAsync(NodeQuery query, CancellationToken cancellationToken)
    {
        var (text, parameters) = QuerySql(database.Kind, query);
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        return await PatternQuery.RunAsync(connection, database.Kind, PatternParameter(query.Conditions), options.PatternTimeout, async transaction =>
        {
            await using var command = Sql.Command(connection, transaction, text, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var items = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(reader.GetString(0));
            }

            return items;
        }, cancellationToken);
    }

    public async Task<long> CountAsync(IReadOnlyList<FilterCondition> conditions, CancellationToken cancellationToken)
    {
        var sql = new FilterSql(_sql);
        var text = "SELECT COUNT(*) FROM maestro_nodes" + sql.Where(conditions);
        await using var connection = await Sql.OpenAsync(database, cancellationToken);
        return await PatternQuery.RunAsync(connection, database.Kind, PatternParameter(conditions), options.PatternTimeout, async transaction =>
        {
            await using var command = Sql.Command(connection, transaction, text, sql.Parameters);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    private static string? PatternParameter(IReadOnlyList<FilterCondition> conditions) =>
        conditions.FirstOrDefault(c => c.Operator == "re") is { } c ? c.Field + "__re" : null;

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, JsonObject node, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, InsertSql, Parameters(node, node.ToJsonString()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Rows per multi-row INSERT of <see cref="InsertManyAsync"/> on PostgreSQL (17 parameters each; Npgsql
    /// looks names up in a dictionary, and 17,000 parameters stay under its 65,535).</summary>
    public const int InsertChunk = 1_000;

    /// <summary>Inserts <paramref name="rows"/> in list order: on PostgreSQL one multi-row INSERT per
    /// <see cref="InsertChunk"/> rows instead of one round trip per node; on SQLite, which has no round trips, one
    /// prepared single-row INSERT run per row. Microsoft.Data.Sqlite binds each parameter by name and SQLite finds a name
    /// by walking the statement's list of names, so a multi-row statement costs the square of its parameters: with 50
    /// rows (850 parameters) per statement, that lookup was a sixth of a 5,000-case LAVA callback's CPU
    /// (docs/benchmarks.md, "LAVA labs").</summary>
    public async Task InsertManyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<JsonObject> rows, CancellationToken cancellationToken)
    {
        if (database.Kind == DatabaseKind.Sqlite)
        {
            await InsertEachAsync(connection, transaction, rows, cancellationToken);
            return;
        }

        for (var start = 0; start < rows.Count; start += InsertChunk)
        {
            var chunk = new List<(JsonObject Node, string Doc)>(Math.Min(InsertChunk, rows.Count - start));
            for (var i = start; i < rows.Count && i < start + InsertChunk; i++)
            {
                chunk.Add((rows[i], rows[i].ToJsonString()));
            }

            var sql = new SqlText();
            InsertMany(sql, chunk);
            await using var command = Sql.Command(connection, transaction, sql.Text.ToString(), sql.Parameters);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task InsertEachAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<JsonObject> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = Sql.Command(connection, transaction, InsertSql, Parameters(rows[0], rows[0].ToJsonString()));
        command.Prepare();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0)
            {
                var values = Parameters(rows[i], rows[i].ToJsonString());
                for (var p = 0; p < values.Length; p++)
                {
                    command.Parameters[p].Value = values[p].Value ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Adds one INSERT of all <paramref name="rows"/> (each node with its rendered JSON) to <paramref name="sql"/>.</summary>
    public void InsertMany(SqlText sql, IReadOnlyList<(JsonObject Node, string Doc)> rows)
    {
        sql.Text.Append($"INSERT INTO maestro_nodes ({Columns}) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Text.Append(i == 0 ? "(" : ", (");
            foreach (var (name, value) in Parameters(rows[i].Node, rows[i].Doc))
            {
                sql.Text.Append(name == "id" ? "" : ", ").Append(name == "doc" ? Doc.Replace("@doc", $"@doc{i}", StringComparison.Ordinal) : $"@{name}{i}");
                sql.Add($"{name}{i}", value);
            }

            sql.Text.Append(')');
        }

        sql.Text.Append(";\n");
    }

    /// <summary>Which of <paramref name="ids"/> are not stored, in one query.</summary>
    public async Task<HashSet<string>> MissingAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var missing = new HashSet<string>(ids, StringComparer.Ordinal);
        if (missing.Count == 0)
        {
            return missing;
        }

        var names = ids.Select((_, i) => "@id" + i).ToList();
        await using var command = Sql.Command(connection, transaction, $"SELECT id FROM maestro_nodes WHERE id IN ({string.Join(", ", names)})",
            ids.Select((id, i) => new KeyValuePair<string, object?>("id" + i, id)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            missing.Remove(reader.GetString(0));
        }

        return missing;
    }

    public async Task UpdateAsync(DbConnection connection, DbTransaction transaction, JsonObject node, CancellationToken cancellationToken)
    {
        var sql = "UPDATE maestro_nodes SET kind = @kind, name = @name, \"group\" = @group, parent = @parent, state = @state, result = @result, " +
            "owner = @owner, submitter = @submitter, treeid = @treeid, created = @created, updated = @updated, timeout = @timeout, " +
            $"holdoff = @holdoff, processed_by_kcidb_bridge = @kcidb, retry_counter = @retry, doc = {Doc} WHERE id = @id";
        await using var command = Sql.Command(connection, transaction, sql, Parameters(node, node.ToJsonString()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static (string Name, object? Value)[] Parameters(JsonObject node, string doc) =>
    [
        ("id", Text(node, "id")), ("kind", Text(node, "kind")), ("name", Text(node, "name")), ("group", Text(node, "group")),
        ("parent", Text(node, "parent")), ("state", Text(node, "state")), ("result", Text(node, "result")),
        ("owner", Text(node, "owner")), ("submitter", Text(node, "submitter")), ("treeid", Text(node, "treeid")),
        ("created", Text(node, "created")), ("updated", Text(node, "updated")), ("timeout", Text(node, "timeout")),
        ("holdoff", Text(node, "holdoff")), ("kcidb", node["processed_by_kcidb_bridge"]!.GetValue<bool>()),
        ("retry", (long)node["retry_counter"]!.GetValue<int>()), ("doc", doc),
    ];

    private static string? Text(JsonObject node, string field) => node[field]?.GetValue<string>();
}
