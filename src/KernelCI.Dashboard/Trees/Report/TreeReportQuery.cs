using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Regressions;
using KernelCI.Dashboard.Statuses;
using KernelCI.Data;

namespace KernelCI.Dashboard.Trees.Report;

/// <summary>The reads behind tree-report, the same as upstream's summary email (kernelci/dashboard:
/// backend/kernelCI_app/queries/notifications.py: get_checkout_summary_data, kcidb_tests_results,
/// get_issues_summary_data). Counts come from dash_checkout_status; the test histories are the tree's tests of the
/// age window, read checkout by checkout through builds(checkout_id) and the tests' build index.</summary>
internal static class TreeReportQuery
{
    /// <summary>The tree's newest checkout started in [<paramref name="oldest"/>, <paramref name="newest"/>], or null.</summary>
    public static async Task<ReportedCheckout?> CheckoutAsync(DbConnection connection, DashboardDb db, TreeReportRequest request,
        DateTimeOffset oldest, DateTimeOffset newest, CancellationToken cancellationToken)
    {
        string hash;
        string? treeName;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT git_commit_hash, tree_name FROM checkouts
                WHERE git_repository_branch = @branch AND git_repository_url = @url AND origin = @origin
                  AND start_time >= @oldest AND start_time <= @newest
                  {(request.TreeName is null ? "" : "AND tree_name = @tree")}
                ORDER BY {db.Kcidb.NewestFirst("start_time")}, id DESC
                LIMIT 1
                """;
            command.AddParameter("branch", request.GitBranch);
            command.AddParameter("url", request.GitUrl);
            command.AddParameter("origin", request.Origin);
            db.Sql.AddTime(command, "oldest", oldest);
            db.Sql.AddTime(command, "newest", newest);
            if (request.TreeName is not null)
            {
                command.AddParameter("tree", request.TreeName);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
            {
                return null;
            }

            hash = reader.GetString(0);
            treeName = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        var ids = new List<string>();
        DateTimeOffset? startTime = null;
        string? name = null;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT id, start_time, git_commit_name FROM checkouts
                WHERE git_commit_hash = @hash AND git_repository_branch = @branch AND git_repository_url = @url AND origin = @origin
                  AND {(treeName is null ? "tree_name IS NULL" : "tree_name = @tree")}
                """;
            command.AddParameter("hash", hash);
            command.AddParameter("branch", request.GitBranch);
            command.AddParameter("url", request.GitUrl);
            command.AddParameter("origin", request.Origin);
            if (treeName is not null)
            {
                command.AddParameter("tree", treeName);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
                if (db.Sql.ReadTime(reader, 1) is { } time && (startTime is null || time > startTime))
                {
                    startTime = time;
                }

                if (!reader.IsDBNull(2) && (name is null || string.CompareOrdinal(reader.GetString(2), name) > 0))
                {
                    name = reader.GetString(2);
                }
            }
        }

        var builds = new StatusCounts();
        var boots = new StatusCounts();
        var tests = new StatusCounts();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT kind, status, n FROM dash_checkout_status WHERE {db.Kcidb.InIds("checkout_id", "ids")}";
            db.Kcidb.AddIds(command, "ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var counts = reader.GetString(0) switch
                {
                    "build" => builds,
                    "boot" => boots,
                    _ => tests,
                };
                counts.Add(reader.GetString(1), reader.GetInt64(2));
            }
        }

        return new ReportedCheckout(ids.Max(StringComparer.Ordinal)!, treeName, request.GitBranch, request.GitUrl, hash, name, startTime,
            builds, boots, tests);
    }

    /// <summary>Every test history of the tree that ends at <paramref name="commitHash"/>: runs of tests of
    /// <paramref name="origin"/> matching a path pattern (SQL LIKE), on checkouts started since <paramref name="since"/>
    /// and not after the commit's latest checkout, with build and run started since then too, outside the `kubernetes`
    /// platform; grouped by path, platform, config, architecture and compiler; the newest
    /// <paramref name="groupSize"/> of each group, newest first; only groups whose newest run is on the commit.</summary>
    public static async Task<IReadOnlyList<TestRun>> HistoriesAsync(DbConnection connection, DashboardDb db, TreeReportRequest request,
        string commitHash, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var platform = db.Sql.JsonText("t.environment_misc", "platform");
        var paths = string.Join(" OR ", request.Paths.Select((_, i) => $"t.path LIKE @path{i}"));
        command.CommandText = $"""
            WITH runs AS (
                SELECT t.id, t.path, {db.Sql.Status("t.status")} AS status, t.start_time, {platform} AS platform,
                       b.architecture, b.compiler, b.config_name, c.git_commit_hash
                FROM checkouts c
                JOIN builds b ON b.checkout_id = c.id
                JOIN tests t ON t.build_id = b.id
                WHERE c.git_repository_url = @url AND c.git_repository_branch = @branch
                  AND c.start_time <= (SELECT MAX(start_time) FROM checkouts WHERE git_commit_hash = @hash)
                  AND c.start_time >= @since AND b.start_time >= @since AND t.start_time >= @since
                  AND t.origin = @origin
                  AND {platform} <> 'kubernetes'
                  AND ({paths})
            ),
            ranked AS (
                SELECT runs.*,
                       ROW_NUMBER() OVER w AS rn,
                       FIRST_VALUE(git_commit_hash) OVER w AS newest_hash
                FROM runs
                WINDOW w AS (PARTITION BY path, platform, config_name, architecture, compiler ORDER BY start_time DESC, id)
            )
            SELECT id, path, status, start_time, platform, config_name, architecture, compiler, git_commit_hash
            FROM ranked
            WHERE rn <= @group_size AND newest_hash = @hash
            ORDER BY path, platform, config_name, architecture, compiler, rn
            """;
        command.AddParameter("url", request.GitUrl);
        command.AddParameter("branch", request.GitBranch);
        command.AddParameter("hash", commitHash);
        command.AddParameter("origin", request.Origin);
        command.AddParameter("group_size", request.GroupSize);
        db.Sql.AddTime(command, "since", since);
        for (var i = 0; i < request.Paths.Count; i++)
        {
            command.AddParameter("path" + i, request.Paths[i]);
        }

        var runs = new List<TestRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new TestRun(
                reader.GetString(0),
                Text(reader, 1),
                Text(reader, 2),
                db.Sql.ReadTime(reader, 3),
                Text(reader, 4),
                Text(reader, 5),
                Text(reader, 6),
                Text(reader, 7),
                Text(reader, 8)));
        }

        return runs;
    }

    /// <summary>The issues of the checkout's failed builds, each marked new when its first incident (lowest version,
    /// then oldest) is on this checkout (kernelci/dashboard:backend/kernelCI_app/management/commands/helpers/summary.py,
    /// get_build_issues_from_checkout).</summary>
    public static async Task<IReadOnlyList<CheckoutIssue>> BuildIssuesAsync(DbConnection connection, DashboardDb db, string checkoutId,
        CancellationToken cancellationToken)
    {
        var rows = new List<(string BuildId, string IssueId, long Version, string? ReportUrl, bool Code, bool Tool, bool Harness, string? Comment)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT DISTINCT b.id, inc.issue_id, inc.issue_version, i.report_url, i.culprit_code, i.culprit_tool, i.culprit_harness, i.comment
                FROM builds b
                JOIN incidents inc ON inc.build_id = b.id
                LEFT JOIN issues i ON i.id = inc.issue_id AND i.version = inc.issue_version
                WHERE b.checkout_id = @checkout AND b.status = {db.Kcidb.Enum("@fail")}
                ORDER BY inc.issue_id, b.id, inc.issue_version
                """;
            command.AddParameter("checkout", checkoutId);
            command.AddParameter("fail", "FAIL");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), Text(reader, 3), Flag(reader, 4), Flag(reader, 5),
                    Flag(reader, 6), Text(reader, 7)));
            }
        }

        var firstSeen = new Dictionary<string, (DateTimeOffset? Time, string? CheckoutId)>(StringComparer.Ordinal);
        foreach (var issueId in rows.Select(r => r.IssueId).Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT inc._timestamp, COALESCE(b.checkout_id, tb.checkout_id)
                FROM incidents inc
                LEFT JOIN builds b ON b.id = inc.build_id
                LEFT JOIN tests t ON t.id = inc.test_id
                LEFT JOIN builds tb ON tb.id = t.build_id
                WHERE inc.issue_id = @issue
                ORDER BY inc.issue_version, inc._timestamp, inc.id
                LIMIT 1
                """;
            command.AddParameter("issue", issueId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                firstSeen[issueId] = (db.Sql.ReadTime(reader, 0), Text(reader, 1));
            }
        }

        return rows.Select(r =>
        {
            var first = firstSeen.GetValueOrDefault(r.IssueId);
            // Upstream's comment defaults to "No information"; a null comment or culprit would fail its model (a 500).
            return new CheckoutIssue(r.IssueId, r.BuildId, r.Version, r.Comment ?? "No information", r.ReportUrl, r.Code, r.Tool, r.Harness,
                DashboardSql.FormatTime(first.Time), first.CheckoutId == checkoutId);
        }).ToList();
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static bool Flag(DbDataReader reader, int ordinal) => !reader.IsDBNull(ordinal) && reader.GetValue(ordinal) switch
    {
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        _ => false,
    };
}
