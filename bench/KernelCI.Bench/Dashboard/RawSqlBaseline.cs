using System.Data.Common;
using System.Diagnostics;
using KernelCI.Bench.KcidbIngest;

namespace KernelCI.Bench.Dashboard;

/// <summary>The baseline: the counts the aggregate-backed endpoints answer with, computed by plain SQL over the raw
/// tables as upstream's dashboard first did (one GROUP BY over checkouts ⋈ builds ⋈ tests; dashboard.md §4,
/// "Performance history"), on the same database right after the endpoints were timed. Only the SQL is timed: no
/// HTTP, no JSON, so it flatters the baseline.</summary>
internal static class RawSqlBaseline
{
    public static async Task<Dictionary<string, List<double>>> RunAsync(DbConnection connection, BenchDatabase database, BenchTargets targets,
        int runs, CancellationToken cancellationToken)
    {
        var pg = database == BenchDatabase.PostgreSql;
        var platform = pg ? "t.environment_misc->>'platform'" : "json_extract(t.environment_misc, '$.platform')";
        var since = pg ? $"'{targets.FirstCheckout.UtcDateTime:O}'::timestamptz" : targets.FirstCheckout.ToUnixTimeMilliseconds() * 1000 + "";
        var checkout = targets.Checkouts[0];
        var counts = """
            SUM(CASE WHEN t.path = 'boot' OR t.path LIKE 'boot.%' THEN 1 ELSE 0 END) AS boots,
            SUM(CASE WHEN (t.path = 'boot' OR t.path LIKE 'boot.%') AND t.status = 'PASS' THEN 1 ELSE 0 END) AS boots_pass,
            SUM(CASE WHEN (t.path = 'boot' OR t.path LIKE 'boot.%') AND t.status = 'FAIL' THEN 1 ELSE 0 END) AS boots_fail,
            SUM(CASE WHEN NOT (t.path = 'boot' OR t.path LIKE 'boot.%') AND t.status = 'PASS' THEN 1 ELSE 0 END) AS tests_pass,
            SUM(CASE WHEN NOT (t.path = 'boot' OR t.path LIKE 'boot.%') AND t.status = 'FAIL' THEN 1 ELSE 0 END) AS tests_fail,
            COUNT(*) AS tests
            """;
        var queries = new Dictionary<string, string>
        {
            ["tree listing"] = $"""
                WITH latest AS (
                    SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY origin, tree_name, git_repository_url, git_repository_branch
                                                                  ORDER BY start_time DESC) AS rn
                                    FROM checkouts WHERE origin = '{EndpointPlan.Origin}' AND start_time >= {since}) AS ranked
                    WHERE rn = 1)
                SELECT b.checkout_id, COUNT(DISTINCT b.id) AS builds, {counts}
                FROM latest l JOIN builds b ON b.checkout_id = l.id JOIN tests t ON t.build_id = b.id
                GROUP BY b.checkout_id
                """,
            ["checkout summary"] = $"""
                SELECT b.architecture, b.compiler, b.config_name, t.status, t.origin, {platform} AS platform,
                       CASE WHEN t.path = 'boot' OR t.path LIKE 'boot.%' THEN 1 ELSE 0 END AS is_boot, COUNT(*)
                FROM builds b JOIN tests t ON t.build_id = b.id
                WHERE b.checkout_id = '{checkout.Id}'
                GROUP BY b.architecture, b.compiler, b.config_name, t.status, t.origin, {platform}, is_boot
                """,
            ["commit history"] = $"""
                SELECT c.git_commit_hash, {counts}
                FROM (SELECT id, git_commit_hash FROM checkouts
                      WHERE git_repository_url = '{checkout.Url.Replace("'", "''")}' AND git_repository_branch = '{checkout.Branch.Replace("'", "''")}'
                      ORDER BY start_time DESC LIMIT 6) AS c
                JOIN builds b ON b.checkout_id = c.id JOIN tests t ON t.build_id = b.id
                GROUP BY c.git_commit_hash
                """,
            ["hardware listing"] = $"""
                SELECT {platform} AS platform, {counts}
                FROM checkouts c JOIN builds b ON b.checkout_id = c.id JOIN tests t ON t.build_id = b.id
                WHERE c.origin = '{EndpointPlan.Origin}' AND c.start_time >= {since} AND {platform} IS NOT NULL
                GROUP BY {platform}
                """,
        };
        var times = new Dictionary<string, List<double>>();
        foreach (var (name, sql) in queries)
        {
            var list = times[name] = [];
            await RunOnceAsync(connection, sql, cancellationToken);
            for (var i = 0; i < runs; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                await RunOnceAsync(connection, sql, cancellationToken);
                list.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static async Task RunOnceAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
        }
    }
}
