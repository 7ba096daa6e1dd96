using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Details;

namespace KernelCI.Dashboard.Issues;

/// <summary>GET issue/'s one read: the issue versions of the window, each with its issue's first incident and whether
/// its version reaches a tree. Upstream computes both through process_issues_extra_details
/// (kernelci/dashboard: backend/kernelCI_app/helpers/issueExtras.py), which ranks every incident of every issue and
/// joins each to its checkout; ingestion keeps both per issue in dash_issue_first and dash_issue_trees
/// (KernelCI.Kcidb's IssueAggregate), so the listing reads the window's issues by their _timestamp index and joins
/// each to those and to its first incident's checkout by primary key (docs/dashboard-api.md, "GET issue/").</summary>
internal static class IssueListingQuery
{
    private const string Columns = $"""
        SELECT {IssueQueries.IssueColumns},
            f.first_seen, f.issue_version, c.git_commit_hash, c.git_repository_url, c.git_repository_branch,
            c.git_commit_name, c.tree_name, c.id, f.incident_id,
            CASE WHEN v.issue_id IS NULL THEN 0 ELSE 1 END
        FROM issues i
        LEFT JOIN dash_issue_first f ON f.issue_id = i.id
        LEFT JOIN checkouts c ON c.id = f.checkout_id
        LEFT JOIN dash_issue_trees v ON v.issue_id = i.id AND v.issue_version = i.version
        """;

    private const string Order = "ORDER BY i._timestamp DESC, i.id, i.version";

    private const string Sql = $"{Columns}\nWHERE i._timestamp >= @start AND i._timestamp <= @end\n{Order}";

    private const string SinceSql = $"{Columns}\nWHERE i._timestamp >= @start\n{Order}";

    /// <summary>Issue versions whose _timestamp is in [start, end], both ends included as upstream.</summary>
    public static Task<List<IssueListingRow>> ReadAsync(DashboardDb db, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        ReadAsync(db, start, end, null, cancellationToken);

    /// <summary>Issue versions whose _timestamp is at or after <paramref name="start"/>, in the same order, each with its
    /// _timestamp in microseconds since the Unix epoch added to <paramref name="microseconds"/> (the cache's snapshot).</summary>
    public static Task<List<IssueListingRow>> ReadSinceAsync(DashboardDb db, DateTimeOffset start, List<long> microseconds, CancellationToken cancellationToken) =>
        ReadAsync(db, start, null, microseconds, cancellationToken);

    /// <summary>A time as the listing's SQL compares it: microseconds since the Unix epoch, the rest cut off as the
    /// parameters are (KcidbTimestamp on SQLite, Npgsql on PostgreSQL).</summary>
    public static long Microseconds(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    private static async Task<List<IssueListingRow>> ReadAsync(DashboardDb db, DateTimeOffset start, DateTimeOffset? end, List<long>? microseconds,
        CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = end is null ? SinceSql : Sql;
        db.Sql.AddTime(command, "start", start);
        if (end is { } value)
        {
            db.Sql.AddTime(command, "end", value);
        }

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
            microseconds?.Add(Microseconds(db.Sql.ReadTime(reader, 0)!.Value));
        }

        return rows;
    }
}
