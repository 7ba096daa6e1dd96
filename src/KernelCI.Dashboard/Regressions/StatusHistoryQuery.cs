using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Statuses;
using KernelCI.Data;

namespace KernelCI.Dashboard.Regressions;

/// <summary>The runs of one test in one tree, newest first (kernelci/dashboard:backend/kernelCI_app/queries/test.py,
/// get_test_status_history): the branch's checkouts, their builds of the configuration, and those builds' tests of the
/// path, newest first.</summary>
internal static class StatusHistoryQuery
{
    public static async Task<IReadOnlyList<StatusHistoryItem>> ReadAsync(DashboardDb db, StatusHistoryRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var platform = db.Sql.JsonText("t.environment_misc", "platform");
        string time;
        string order;
        if (request.CurrentTestStartTime is { } start)
        {
            db.Sql.AddTime(command, "start", start);
            time = "AND t.start_time <= @start";
            order = db.Kcidb.NewestFirst("t.start_time");
        }
        else if (request.FieldTimestamp is { } stamp)
        {
            db.Sql.AddTime(command, "stamp", stamp);
            time = "AND t._timestamp <= @stamp";
            order = db.Kcidb.NewestFirst("t._timestamp");
        }
        else
        {
            // Upstream matches only runs without any time here, which finds nothing useful; the newest runs are.
            time = "";
            order = db.Kcidb.NewestFirst("t.start_time");
        }

        // From the branch's checkouts to their builds of the configuration (builds (checkout_id, config_name)) to those
        // builds' tests: the rows the answer can come from. SQLite, without statistics, walked the tests (path,
        // start_time) index instead, joining every run of the path until group_size matched; its CROSS JOIN keeps this
        // order (sqlite.org/optoverview.html, "Manual Control Of Query Plans Using CROSS JOIN"). PostgreSQL picks it.
        // Its unary "+" keeps SQLite from reading a build's tests through the path index (sqlite.org/optoverview.html,
        // "Disqualifying WHERE Clause Terms using Unary-"+""): without statistics both looked alike to it, and the path
        // index holds every run of the path in the database.
        var join = db.Kind == DatabaseKind.Sqlite ? "CROSS JOIN" : "JOIN";
        var path = db.Kind == DatabaseKind.Sqlite ? "+t.path" : "t.path";

        // Only the builds with a test of the path's kind and first segment on the platform (dash_build_tests, kept by
        // ingestion with the rows, KernelCI.Kcidb.Aggregates.TestDimensions) have their tests read: a necessary
        // condition checked in the aggregate's primary key, which leaves out the builds of the configuration that
        // ran on other platforms (about 6 in 7 of them on the benchmark's data) before their ~40 tests each are
        // read by build. Exact: no row of the answer is left out. A bound on the branch's newest checkouts would not
        // be (a test's start_time need not follow its checkout's), docs/dashboard-api.md "GET /api/test/status-history".
        var candidate = """
            EXISTS (SELECT 1 FROM dash_build_tests d
                    WHERE d.build_id = b.id AND d.is_boot = @is_boot AND d.path_group = @path_group AND d.platform = @platform_key)
            """;
        command.CommandText = $"""
            SELECT t.start_time, t.id, {db.Sql.Status("t.status")}, c.git_commit_hash
            FROM checkouts c
            {join} builds b ON b.checkout_id = c.id
            {join} tests t ON t.build_id = b.id
            WHERE {path} = @path
              AND c.origin = @origin
              AND c.git_repository_url = @url
              AND c.git_repository_branch = @branch
              AND b.config_name = @config
              AND {candidate}
              AND {(request.Platform is null ? $"{platform} IS NULL" : $"{platform} = @platform")}
              {time}
            ORDER BY {order}, t.id
            LIMIT @limit
            """;
        command.AddParameter("path", request.Path);
        command.AddParameter("origin", request.Origin);
        command.AddParameter("url", request.GitRepositoryUrl);
        command.AddParameter("branch", request.GitRepositoryBranch);
        command.AddParameter("config", request.ConfigName);
        command.AddParameter("limit", request.GroupSize);
        command.AddParameter("is_boot", TestKinds.IsBoot(request.Path) ? 1 : 0);
        command.AddParameter("path_group", PathGroup(request.Path));
        command.AddParameter("platform_key", request.Platform ?? "");
        if (request.Platform is not null)
        {
            command.AddParameter("platform", request.Platform);
        }

        var items = new List<StatusHistoryItem>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new StatusHistoryItem(
                db.Sql.ReadTimeText(reader, 0),
                reader.GetString(1),
                reader.IsDBNull(2) ? "NULL" : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return items;
    }

    /// <summary>The path up to its first dot, as dash_build_tests keeps it (TestDimensions.PathGroup).</summary>
    internal static string PathGroup(string path) => path.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? path[..dot] : path;
}
