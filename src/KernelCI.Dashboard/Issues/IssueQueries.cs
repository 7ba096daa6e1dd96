using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Details;
using KernelCI.Data;

namespace KernelCI.Dashboard.Issues;

/// <summary>The issue endpoints' reads (kernelci/dashboard: backend/kernelCI_app/queries/issues.py): by primary key,
/// or through incidents' (issue_id, issue_version), build_id and test_id indexes.</summary>
internal static class IssueQueries
{
    /// <summary>The columns ReadIssue reads, in its order (ordinals 0-8).</summary>
    public const string IssueColumns = "i._timestamp, i.id, i.comment, i.origin, i.version, i.culprit_code, i.culprit_tool, i.culprit_harness, i.categories";

    public static async Task<long?> LatestVersionAsync(DashboardDb db, string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM issues WHERE id = @id";
        command.AddParameter("id", id);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<(IssueRow Row, string? ReportUrl, string? ReportSubject, System.Text.Json.Nodes.JsonNode? Misc)?> DetailsAsync(
        DashboardDb db, string id, long version, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {IssueColumns}, i.report_url, i.report_subject, i.misc FROM issues i WHERE i.id = @id AND i.version = @version";
        command.AddParameter("id", id);
        command.AddParameter("version", version);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return (ReadIssue(db, reader), Rows.Text(reader, 9), Rows.Text(reader, 10), Rows.Json(db, reader, 11));
    }

    /// <summary>The builds with an incident of the issue at <paramref name="version"/>, or at the highest version any
    /// incident names when null (upstream's _get_issue_version_clause).</summary>
    public static async Task<List<IssueBuild>> BuildsAsync(DashboardDb db, string id, long? version, string? origin, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT b.id, b.architecture, b.config_name, {db.Sql.Status("b.status")}, b.start_time, b.duration, b.compiler,
                b.log_url, b.misc, c.tree_name, c.git_repository_branch
            FROM incidents ic
            JOIN builds b ON b.id = ic.build_id
            LEFT JOIN checkouts c ON c.id = b.checkout_id
            WHERE ic.issue_id = @id AND {VersionClause(version)}{(origin is null ? "" : " AND b.origin = @origin")}
            ORDER BY b.start_time DESC, b.id
            """;
        AddKey(command, id, version, origin);
        var builds = new List<IssueBuild>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var misc = Rows.Json(db, reader, 8);
            if (misc is System.Text.Json.Nodes.JsonObject fields && !fields.ContainsKey("platform"))
            {
                // Upstream's handle_misc gives a build's misc a platform, "Unknown" when it has none.
                fields["platform"] = "Unknown";
            }

            builds.Add(new IssueBuild(reader.GetString(0), Rows.Text(reader, 1), Rows.Text(reader, 2), Rows.Status(reader, 3),
                Rows.Time(db, reader, 4), Rows.Double(db, reader, 5), Rows.Text(reader, 6), Rows.Text(reader, 7),
                Rows.Text(reader, 9), Rows.Text(reader, 10), misc));
        }

        return builds;
    }

    /// <summary>The tests with an incident of the issue (same version rule as <see cref="BuildsAsync"/>); an incident
    /// whose test is not stored still lists its id, as upstream's LEFT JOIN does.</summary>
    public static async Task<List<IssueTest>> TestsAsync(DashboardDb db, string id, long? version, string? origin, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT ic.test_id, {db.Sql.Status("t.status")}, t.duration, t.path, t.start_time, t.environment_compatible,
                t.environment_misc, {db.Sql.JsonText("t.misc", "runtime")}, c.tree_name, c.git_repository_branch
            FROM incidents ic
            LEFT JOIN tests t ON t.id = ic.test_id
            LEFT JOIN builds b ON b.id = t.build_id
            LEFT JOIN checkouts c ON c.id = b.checkout_id
            WHERE ic.issue_id = @id AND {VersionClause(version)} AND ic.test_id IS NOT NULL{(origin is null ? "" : " AND t.origin = @origin")}
            ORDER BY t.start_time DESC, ic.test_id
            """;
        AddKey(command, id, version, origin);
        var tests = new List<IssueTest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tests.Add(new IssueTest(reader.GetString(0), Rows.Status(reader, 1), Rows.Double(db, reader, 2), Rows.Text(reader, 3),
                Rows.Time(db, reader, 4), Rows.Strings(db, reader, 5), Rows.Json(db, reader, 6), Rows.Text(reader, 8),
                Rows.Text(reader, 9), Rows.Text(reader, 7)));
        }

        return tests;
    }

    private static string VersionClause(long? version) => version is null
        ? "ic.issue_version = (SELECT MAX(m.issue_version) FROM incidents m WHERE m.issue_id = @id)"
        : "ic.issue_version = @version";

    private static void AddKey(DbCommand command, string id, long? version, string? origin)
    {
        command.AddParameter("id", id);
        if (version is not null)
        {
            command.AddParameter("version", version.Value);
        }

        if (origin is not null)
        {
            command.AddParameter("origin", origin);
        }
    }

    public static IssueRow ReadIssue(DashboardDb db, DbDataReader reader) => new(
        Rows.Time(db, reader, 0), reader.GetString(1), Rows.Text(reader, 2), reader.GetString(3), Rows.Long(reader, 4)!.Value,
        Rows.Bool(db, reader, 5), Rows.Bool(db, reader, 6), Rows.Bool(db, reader, 7), Rows.Strings(db, reader, 8));
}
