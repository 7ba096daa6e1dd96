using KernelCI.Data;
using KernelCI.Maestro.Nodes;
using KernelCI.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>The index each typical query is planned on, on a table shaped like a pipeline's (rare running nodes among
/// many done ones). A wrong plan is correct but takes seconds at millions of nodes, which no functional test sees.</summary>
public sealed class QueryPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // 20,000 nodes in trees of 200 (checkout, kbuilds, jobs, tests): every checkout and one other node in 1,000 still
    // running, so that kind and state are correlated as in a real table.
    private const string SqliteFill = """
        WITH RECURSIVE seq(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM seq WHERE g < 20000)
        INSERT INTO maestro_nodes (id, kind, name, parent, state, owner, treeid, created, updated, processed_by_kcidb_bridge, retry_counter, doc)
        SELECT printf('%024x', g), CASE WHEN g % 200 = 0 THEN 'checkout' WHEN g % 200 < 20 THEN 'kbuild' WHEN g % 200 < 50 THEN 'job' ELSE 'test' END,
            'n' || (g % 200), printf('%024x', g - g % 200), CASE WHEN g % 200 = 0 OR g % 1000 = 1 THEN 'running' ELSE 'done' END, 'bench', 'tree-' || (g / 200),
            strftime('%Y-%m-%dT%H:%M:%S', '2026-01-01', '+' || g || ' seconds'), '2026-01-01', 1, 0, '{}'
        FROM seq;
        """;

    private const string PostgreSqlFill = """
        INSERT INTO maestro_nodes (id, kind, name, parent, state, owner, treeid, created, updated, processed_by_kcidb_bridge, retry_counter, doc)
        SELECT lpad(to_hex(g), 24, '0'), CASE WHEN g % 200 = 0 THEN 'checkout' WHEN g % 200 < 20 THEN 'kbuild' WHEN g % 200 < 50 THEN 'job' ELSE 'test' END,
            'n' || (g % 200), lpad(to_hex(g - g % 200), 24, '0'), CASE WHEN g % 200 = 0 OR g % 1000 = 1 THEN 'running' ELSE 'done' END, 'bench', 'tree-' || (g / 200),
            to_char(timestamp '2026-01-01' + g * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS'), '2026-01-01', true, 0, '{}'
        FROM generate_series(1, 20000) g;
        ANALYZE maestro_nodes;
        """;

    private static async Task<TestDatabase> FilledAsync(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, MaestroMigrations.All, Ct);
        await using var connection = await database.Database.OpenConnectionAsync(Ct);
        await using var fill = connection.CreateCommand();
        fill.CommandText = kind == DatabaseKind.PostgreSql ? PostgreSqlFill : SqliteFill;
        await fill.ExecuteNonQueryAsync(Ct);
        return database;
    }

    private static async Task<string> PlanAsync(Database database, string queryString)
    {
        var query = NodeQueryParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(queryString)), defaultLimit: null);
        var (text, parameters) = NodeStore.QuerySql(database.Kind, query);
        await using var connection = await database.OpenConnectionAsync(Ct);
        await using var command = Sql.Command(connection, null,
            (database.Kind == DatabaseKind.PostgreSql ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + text, parameters);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(reader.FieldCount - 1));
        }

        return string.Join("\n", lines);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task First_page_of_a_kind_reads_the_kind_created_index_in_order(DatabaseKind kind)
    {
        await using var database = await FilledAsync(kind);

        var plan = await PlanAsync(database.Database, "kind=checkout&limit=1");

        Assert.Contains("maestro_nodes_kind_created", plan);
        Assert.DoesNotContain(kind == DatabaseKind.PostgreSql ? "Sort" : "TEMP B-TREE", plan);
    }

    // PostgreSQL has per-value statistics and plans these by cost (at this size it may walk `created` backwards and
    // filter, which a LIMIT stops early); SQLite's fixed statistics must lead it to the ordered index.
    [Fact]
    public async Task Sqlite_reads_newest_first_page_of_a_kind_from_the_kind_created_index_backwards()
    {
        await using var database = await FilledAsync(DatabaseKind.Sqlite);

        var plan = await PlanAsync(database.Database, "kind=kbuild&sort=-created&limit=10");

        Assert.Contains("maestro_nodes_kind_created", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite, "kind=test&state=running&limit=10")]
    [InlineData(DatabaseKind.Sqlite, "kind=test&state=running&sort=-created&limit=10")]
    [InlineData(DatabaseKind.Sqlite, "kind=job&state=available&limit=10")]
    [InlineData(DatabaseKind.PostgreSql, "kind=test&state=running&limit=10")]
    [InlineData(DatabaseKind.PostgreSql, "kind=test&state=running&sort=-created&limit=10")]
    [InlineData(DatabaseKind.PostgreSql, "kind=job&state=available&limit=10")]
    [InlineData(DatabaseKind.Sqlite, "kind=checkout&state=done&sort=-created&limit=10")]
    [InlineData(DatabaseKind.PostgreSql, "kind=checkout&state=done&sort=-created&limit=10")]
    public async Task Kind_and_rare_state_seek_by_state_instead_of_walking_the_kind(DatabaseKind kind, string queryString)
    {
        await using var database = await FilledAsync(kind);

        var plan = await PlanAsync(database.Database, queryString);

        // A walk of every node of the kind in time order would stop only after the last running one.
        Assert.Matches(kind == DatabaseKind.PostgreSql ? @"Index Cond: \(.*state = " : @"SEARCH maestro_nodes USING INDEX maestro_nodes_kind_state_created \(kind=\? AND state=\?", plan);
    }

    [Fact]
    public async Task Sqlite_seeks_the_commit_index_for_kci_dev_validate()
    {
        await using var database = await FilledAsync(DatabaseKind.Sqlite);

        var plan = await PlanAsync(database.Database,
            "kind=kbuild&data.kernel_revision.url=https://git/3&data.kernel_revision.branch=master&data.kernel_revision.commit=c12&state__ne=running");

        Assert.Contains("maestro_nodes_commit", plan);
    }
}
