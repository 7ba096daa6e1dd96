using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Statuses;
using KernelCI.Data;

namespace KernelCI.Dashboard.Details;

/// <summary>The build and test detail reads (kernelci/dashboard: backend/kernelCI_app/queries/build.py, test.py,
/// issues.py get_build_issues/get_test_issues): by primary key, a build's tests through tests' build_id index, issues
/// through incidents' build_id and test_id indexes.</summary>
internal static class DetailsQueries
{
    public static async Task<BuildDetails?> BuildAsync(DashboardDb db, string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT b.id, c.origin, b.architecture, b.config_name, b.misc, b.config_url, b.compiler, {db.Sql.Status("b.status")},
                b.duration, b.log_url, b.start_time, c.git_repository_url, c.git_repository_branch, b.checkout_id, b.command,
                b.comment, c.tree_name, c.git_commit_hash, c.git_commit_name, c.git_commit_tags, b.log_excerpt,
                b.input_files, b.output_files, b.origin
            FROM builds b
            LEFT JOIN checkouts c ON c.id = b.checkout_id
            WHERE b.id = @id
            """;
        command.AddParameter("id", id);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new BuildDetails(r.GetString(0), Rows.Text(r, 1), Rows.Text(r, 2), Rows.Text(r, 3), Rows.Json(db, r, 4), Rows.Text(r, 5),
            Rows.Text(r, 6), Rows.Status(r, 7), Rows.Double(db, r, 8), Rows.Text(r, 9), Rows.Time(db, r, 10), Rows.Text(r, 11),
            Rows.Text(r, 12), r.GetString(13), Rows.Text(r, 14), Rows.Text(r, 15), Rows.Text(r, 16), Rows.Text(r, 17),
            Rows.Text(r, 18), Rows.Strings(db, r, 19), Rows.Text(r, 20), Rows.Json(db, r, 21), Rows.Json(db, r, 22), r.GetString(23));
    }

    public static async Task<List<BuildTest>> BuildTestsAsync(DashboardDb db, string buildId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT t.id, {db.Sql.Status("t.status")}, t.duration, t.path, t.start_time, t.environment_compatible,
                t.environment_misc, {db.Sql.JsonText("t.misc", "runtime")}
            FROM tests t
            WHERE t.build_id = @id
            ORDER BY t.id
            """;
        command.AddParameter("id", buildId);
        var tests = new List<BuildTest>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            tests.Add(new BuildTest(r.GetString(0), Rows.Status(r, 1), Rows.Double(db, r, 2), Rows.Text(r, 3), Rows.Time(db, r, 4),
                Rows.Strings(db, r, 5), Rows.Json(db, r, 6), Rows.Text(r, 7)));
        }

        return tests;
    }

    public static async Task<TestDetails?> TestAsync(DashboardDb db, string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT t._timestamp, t.id, t.build_id, {db.Sql.Status("t.status")}, t.path, t.log_excerpt, t.log_url, t.misc,
                t.environment_misc, t.start_time, t.environment_compatible, t.output_files, t.input_files, b.compiler,
                b.architecture, b.config_name, c.git_commit_hash, c.git_repository_branch, c.git_repository_url,
                c.git_commit_tags, c.tree_name, c.origin, t.origin, t.duration
            FROM tests t
            LEFT JOIN builds b ON b.id = t.build_id
            LEFT JOIN checkouts c ON c.id = b.checkout_id
            WHERE t.id = @id
            """;
        command.AddParameter("id", id);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new TestDetails(Rows.Time(db, r, 0), r.GetString(1), r.GetString(2), Rows.Status(r, 3), Rows.Text(r, 4), Rows.Text(r, 5),
            Rows.Text(r, 6), Rows.Json(db, r, 7), Rows.Json(db, r, 8), Rows.Time(db, r, 9), Rows.Strings(db, r, 10),
            Rows.Json(db, r, 11), Rows.Json(db, r, 12), Rows.Text(r, 13), Rows.Text(r, 14), Rows.Text(r, 15), Rows.Text(r, 16),
            Rows.Text(r, 17), Rows.Text(r, 18), Rows.Strings(db, r, 19), Rows.Text(r, 20), Rows.Text(r, 21), r.GetString(22),
            Rows.Double(db, r, 23));
    }

    /// <summary>The issues of a build's (<paramref name="table"/> "builds") or a test's ("tests") incidents, in the order
    /// they are first met, each with its incidents counted by the item's status (upstream's sanitize_details_issues_rows).</summary>
    public static async Task<List<DetailsIssue>> IssuesAsync(DashboardDb db, string table, string id, CancellationToken cancellationToken)
    {
        var column = table == "builds" ? "build_id" : "test_id";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT i.id, i.version, i.comment, i.report_url, {db.Sql.Status("x.status")}
            FROM incidents ic
            JOIN issues i ON i.id = ic.issue_id AND i.version = ic.issue_version
            JOIN {table} x ON x.id = ic.{column}
            WHERE ic.{column} = @id
            ORDER BY ic.id
            """;
        command.AddParameter("id", id);
        var issues = new List<DetailsIssue>();
        var byKey = new Dictionary<(string, long), DetailsIssue>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var key = (r.GetString(0), Rows.Long(r, 1)!.Value);
            if (!byKey.TryGetValue(key, out var issue))
            {
                issue = new DetailsIssue(key.Item1, key.Item2, Rows.Text(r, 2), Rows.Text(r, 3), new StatusCounts());
                byKey[key] = issue;
                issues.Add(issue);
            }

            issue.IncidentsInfo.Add(Rows.Status(r, 4));
        }

        return issues;
    }
}
