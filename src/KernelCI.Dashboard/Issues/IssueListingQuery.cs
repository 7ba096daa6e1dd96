using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Details;
using KernelCI.Data;

namespace KernelCI.Dashboard.Issues;

/// <summary>GET issue/'s one read: the issue versions of the window, each with its issue's first incident and whether
/// its version reaches a tree. Upstream computes both through process_issues_extra_details
/// (kernelci/dashboard: backend/kernelCI_app/helpers/issueExtras.py), which ranks every incident of every issue and
/// joins each to its checkout; the listing only needs the first incident (one index seek per issue, LIMIT 1) and an
/// EXISTS that stops at the first incident reaching a tree, skipped when the first incident already does. The cost
/// follows the issues of the window, not their incidents or the tests (docs/dashboard-api.md, "Issues").</summary>
internal static class IssueListingQuery
{
    // An incident reaches its checkout through its build, or through its test's build, as IssueExtras joins it.
    // The first incident: lowest version, earliest _timestamp with NULLs last (upstream's DISTINCT ON ... ASC on
    // PostgreSQL), then the lowest id so that the answer is stable. The version reaches a tree when the first incident
    // is of it and does; otherwise the EXISTS looks further.
    private const string Columns = $"""
        {IssueQueries.IssueColumns},
            f._timestamp, f.issue_version, c.git_commit_hash, c.git_repository_url, c.git_repository_branch,
            c.git_commit_name, c.tree_name, c.id, f.id,
            CASE WHEN f.id IS NULL THEN 0
                WHEN f.issue_version = i.version AND c.tree_name IS NOT NULL AND c.git_repository_branch IS NOT NULL THEN 1
                WHEN EXISTS (
                    SELECT 1 FROM incidents y
                    LEFT JOIN tests yt ON yt.id = y.test_id
                    JOIN builds yb ON yb.id = COALESCE(y.build_id, yt.build_id)
                    JOIN checkouts yc ON yc.id = yb.checkout_id
                    WHERE y.issue_id = i.id AND y.issue_version = i.version
                        AND yc.tree_name IS NOT NULL AND yc.git_repository_branch IS NOT NULL) THEN 1
                ELSE 0 END
        """;

    private const string Window = """
        WHERE i._timestamp >= @start AND i._timestamp <= @end
        ORDER BY i._timestamp DESC, i.id, i.version
        """;

    // SQLite has no LATERAL: the first incident's id by a correlated LIMIT 1 over the (issue_id, issue_version) index
    // (its ASC puts NULLs first, hence "IS NULL"), then the incident by primary key.
    private const string SqliteSql = $"""
        SELECT {Columns}
        FROM issues i
        LEFT JOIN incidents f ON f.id = (
            SELECT x.id FROM incidents x WHERE x.issue_id = i.id
            ORDER BY x.issue_version, x._timestamp IS NULL, x._timestamp, x.id
            LIMIT 1)
        LEFT JOIN tests t ON t.id = f.test_id
        LEFT JOIN builds b ON b.id = COALESCE(f.build_id, t.build_id)
        LEFT JOIN checkouts c ON c.id = b.checkout_id
        {Window}
        """;

    // PostgreSQL: LATERAL LIMIT 1 subqueries, evaluated once per issue as index lookups (a join on a scalar subquery
    // was evaluated twice and hashed against every incident, and plain joins read all builds into a hash; EXPLAIN
    // ANALYZE at 2,000 issues); its ASC already puts NULLs last.
    private const string PostgreSql = $"""
        SELECT {Columns}
        FROM issues i
        LEFT JOIN LATERAL (
            SELECT x.id, x._timestamp, x.issue_version, x.build_id, x.test_id FROM incidents x WHERE x.issue_id = i.id
            ORDER BY x.issue_version, x._timestamp, x.id
            LIMIT 1) f ON TRUE
        LEFT JOIN LATERAL (
            SELECT c.git_commit_hash, c.git_repository_url, c.git_repository_branch, c.git_commit_name, c.tree_name, c.id
            FROM builds b JOIN checkouts c ON c.id = b.checkout_id
            WHERE b.id = COALESCE(f.build_id, (SELECT t.build_id FROM tests t WHERE t.id = f.test_id))
            LIMIT 1) c ON TRUE
        {Window}
        """;

    /// <summary>Issue versions whose _timestamp is in [start, end], both ends included as upstream.</summary>
    public static async Task<List<IssueListingRow>> ReadAsync(DashboardDb db, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = db.Kind == DatabaseKind.Sqlite ? SqliteSql : PostgreSql;
        db.Sql.AddTime(command, "start", start);
        db.Sql.AddTime(command, "end", end);
        var rows = new List<IssueListingRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var hasIncident = !reader.IsDBNull(17);
            var first = hasIncident
                ? new Incident(Rows.Time(db, reader, 9), Rows.Text(reader, 11), Rows.Text(reader, 12), Rows.Text(reader, 13),
                    Rows.Text(reader, 14), Rows.Text(reader, 15), Rows.Long(reader, 10), Rows.Text(reader, 16))
                : null;
            var issue = IssueQueries.ReadIssue(db, reader) with { HasIncident = hasIncident };
            rows.Add(new IssueListingRow(issue, first, Rows.Long(reader, 18) == 1));
        }

        return rows;
    }
}
