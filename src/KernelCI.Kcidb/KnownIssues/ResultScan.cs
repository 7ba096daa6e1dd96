using System.Data.Common;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>The failed (FAIL or ERROR) builds and tests the background worker reads: those ingested after its cursor, in
/// ingestion order, and for a new or changed matcher the builds or tests (its kind) ingested in the last days.</summary>
internal sealed class ResultScan(Database database)
{
    public const string Builds = "builds";
    public const string Tests = "tests";

    private bool Sqlite => database.Kind == DatabaseKind.Sqlite;

    /// <summary>At most <paramref name="limit"/> rows after (<paramref name="ts"/>, <paramref name="id"/>).</summary>
    public async Task<IReadOnlyList<ResultRow>> AfterAsync(string source, object ts, string id, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = AfterSql(source);
        command.AddParameter("ts", ts);
        command.AddParameter("id", id);
        command.AddParameter("limit", limit);
        return await ReadAsync(source, command, cancellationToken);
    }

    /// <summary>Failed builds or tests ingested since <paramref name="since"/>, after (<paramref name="ts"/>,
    /// <paramref name="id"/>), of one origin when given.</summary>
    public async Task<IReadOnlyList<ResultRow>> SinceAsync(string source, DateTimeOffset since, string? origin, object? ts, string id, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Select(source)} FROM {source}
            WHERE status IN ('FAIL', 'ERROR') AND _timestamp >= @since {(origin is null ? "" : "AND origin = @origin")}
                AND _timestamp >= @ts AND (_timestamp > @ts OR (_timestamp = @ts AND id > @id))
            ORDER BY _timestamp, id
            LIMIT @limit
            """;
        object sinceValue = Sqlite ? KcidbTimestamp.ToMicroseconds(since.UtcDateTime) : since.UtcDateTime;
        command.AddParameter("since", sinceValue);
        if (origin is not null)
        {
            command.AddParameter("origin", origin);
        }

        command.AddParameter("ts", ts ?? sinceValue);
        command.AddParameter("id", id);
        command.AddParameter("limit", limit);
        return await ReadAsync(source, command, cancellationToken);
    }

    /// <summary>The failed rows after the cursor (<c>@ts</c>, <c>@id</c>), in ingestion order, at most <c>@limit</c>.</summary>
    /// <remarks>The status term repeats the SQLite partial index's own, so the planner can use it. The cursor's lower
    /// bound <c>_timestamp &gt;= @ts</c> is implied by the OR, but only as a term of its own does it bound an index scan:
    /// without it PostgreSQL walked tests__timestamp from its first entry, 8.9 s for 500 rows at 2,000,000 tests
    /// (195 ms with it, cold cache; docs/benchmarks.md, session 21).</remarks>
    internal string AfterSql(string source) => $"""
        SELECT {Select(source)} FROM {source}
        WHERE status IN ('FAIL', 'ERROR') AND _timestamp >= @ts AND (_timestamp > @ts OR (_timestamp = @ts AND id > @id))
        ORDER BY _timestamp, id
        LIMIT @limit
        """;

    private string Select(string source) => source == Tests
        ? "id, origin, COALESCE(path, ''), "
          + (Sqlite ? "COALESCE(CAST(json_extract(environment_misc, '$.platform') AS TEXT), '')" : "COALESCE(environment_misc->>'platform', '')")
          + ", log_url, _timestamp, '', '', ''"
        : "id, origin, '', '', log_url, _timestamp, COALESCE(config_name, ''), COALESCE(architecture, ''), COALESCE(compiler, '')";

    private static async Task<IReadOnlyList<ResultRow>> ReadAsync(string source, DbCommand command, CancellationToken cancellationToken)
    {
        var kind = source == Tests ? ResultKind.Test : ResultKind.Build;
        var rows = new List<ResultRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ResultRow(kind, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetValue(5), reader.GetString(6), reader.GetString(7), reader.GetString(8)));
        }

        return rows;
    }
}
