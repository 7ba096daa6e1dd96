using KernelCI.Data;

namespace KernelCI.Bench.Maestro;

/// <summary>Stores millions of pipeline-shaped nodes in one SQL statement: trees of 200 nodes (1 checkout, kbuilds,
/// jobs, tests, all children of the checkout), 20 trees of source, four architectures, 10 % still running.</summary>
internal static class NodeFill
{
    private const string PostgreSql = """
        INSERT INTO maestro_nodes (id, kind, name, "group", parent, state, result, owner, submitter, treeid, created, updated, timeout, holdoff, processed_by_kcidb_bridge, retry_counter, doc)
        SELECT id, kind, name, NULL, CASE WHEN g % 200 = 0 THEN NULL ELSE lpad(to_hex(g - g % 200), 24, '0') END, state, result, 'bench', 'service:pipeline', treeid, created, created, created, NULL, g % 3 = 0, 0,
          jsonb_build_object('id', id, 'kind', kind, 'name', name, 'path', jsonb_build_array('checkout', name), 'state', state, 'result', result,
            'owner', 'bench', 'treeid', treeid, 'created', created, 'updated', created, 'timeout', created, 'artifacts', '{}'::jsonb, 'debug', '{}'::jsonb,
            'data', jsonb_build_object('kernel_revision', jsonb_build_object('tree', 'tree' || (g / 200 % 20), 'url', 'https://git/' || (g / 200 % 20),
              'branch', 'master', 'commit', md5((g / 200)::text)), 'arch', (ARRAY['x86_64','arm64','arm','riscv'])[g % 4 + 1], 'platform', 'plat' || (g % 30)))
        FROM (SELECT g, lpad(to_hex(g), 24, '0') AS id,
                CASE WHEN g % 200 = 0 THEN 'checkout' WHEN g % 200 < 20 THEN 'kbuild' WHEN g % 200 < 50 THEN 'job' ELSE 'test' END AS kind,
                'n' || (g % 200) AS name, CASE WHEN g % 10 = 0 THEN 'running' ELSE 'done' END AS state,
                CASE WHEN g % 10 = 0 THEN NULL WHEN g % 7 = 0 THEN 'fail' ELSE 'pass' END AS result, 'tree-' || (g / 200) AS treeid,
                to_char(timestamp '2026-01-01' + g * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created
              FROM generate_series(1, @count) g) s;
        """;

    // What autovacuum does to a table some time after a bulk insert, done at once: VACUUM sets the visibility map,
    // without which an index-only scan (counting 25,000 checkouts for /nodes's total) visits a heap page per row, and
    // ANALYZE gives the planner the table's statistics. It cannot run inside the fill's transaction.
    private const string PostgreSqlVacuum = "VACUUM (ANALYZE) maestro_nodes";

    // No ANALYZE on SQLite: the server never runs it, and its migration gives the planner fixed statistics that
    // ANALYZE would replace with averages that hide how rare running nodes are (docs/maestro.md, "Query plans").
    private const string Sqlite = """
        WITH RECURSIVE seq(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM seq WHERE g < @count),
        s AS (SELECT g, printf('%024x', g) AS id,
                CASE WHEN g % 200 = 0 THEN 'checkout' WHEN g % 200 < 20 THEN 'kbuild' WHEN g % 200 < 50 THEN 'job' ELSE 'test' END AS kind,
                'n' || (g % 200) AS name, CASE WHEN g % 10 = 0 THEN 'running' ELSE 'done' END AS state,
                CASE WHEN g % 10 = 0 THEN NULL WHEN g % 7 = 0 THEN 'fail' ELSE 'pass' END AS result, 'tree-' || (g / 200) AS treeid,
                strftime('%Y-%m-%dT%H:%M:%S', '2026-01-01', '+' || g || ' seconds') || '.000000' AS created FROM seq)
        INSERT INTO maestro_nodes (id, kind, name, "group", parent, state, result, owner, submitter, treeid, created, updated, timeout, holdoff, processed_by_kcidb_bridge, retry_counter, doc)
        SELECT id, kind, name, NULL, CASE WHEN g % 200 = 0 THEN NULL ELSE printf('%024x', g - g % 200) END, state, result, 'bench', 'service:pipeline', treeid, created, created, created, NULL, g % 3 = 0, 0,
          json_object('id', id, 'kind', kind, 'name', name, 'path', json_array('checkout', name), 'state', state, 'result', result,
            'owner', 'bench', 'treeid', treeid, 'created', created, 'updated', created, 'timeout', created, 'artifacts', json('{}'), 'debug', json('{}'),
            'data', json_object('kernel_revision', json_object('tree', 'tree' || (g / 200 % 20), 'url', 'https://git/' || (g / 200 % 20),
              'branch', 'master', 'commit', 'c' || (g / 200)), 'arch', CASE g % 4 WHEN 0 THEN 'x86_64' WHEN 1 THEN 'arm64' WHEN 2 THEN 'arm' ELSE 'riscv' END,
              'platform', 'plat' || (g % 30)))
        FROM s;
        """;

    /// <summary>Fills the table; returns how long the VACUUM took (zero on SQLite).</summary>
    public static async Task<TimeSpan> FillAsync(Database database, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = database.Kind == DatabaseKind.PostgreSql ? PostgreSql : Sqlite;
        command.CommandTimeout = 0;
        command.AddParameter("count", (long)count);
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (database.Kind != DatabaseKind.PostgreSql)
        {
            return TimeSpan.Zero;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = PostgreSqlVacuum;
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
        return clock.Elapsed;
    }

    /// <summary>The commit of tree number <paramref name="tree"/> as the fill wrote it.</summary>
    public static string Commit(DatabaseKind kind, int tree) => kind == DatabaseKind.PostgreSql
        ? Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.ASCII.GetBytes(tree.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        : "c" + tree;
}
