using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Details;

namespace KernelCI.Dashboard.Metrics;

/// <summary>metrics/'s reads. Upstream counts every table by `_timestamp` and scans tests per lab
/// (kernelci/dashboard: backend/kernelCI_app/queries/notifications.py, get_metrics_data); here checkouts and builds are
/// windowed on `start_time` (indexed in both databases), tests are counted from the dash_build_tests aggregate of the
/// window's builds, and only issues and incidents, small tables, are windowed on `_timestamp`
/// (docs/dashboard-api.md, "Metrics").</summary>
internal static class MetricsQueries
{
    public sealed record Totals(long Trees, long Checkouts, long Builds, long Tests, long Issues, long Incidents);

    public sealed record IncidentGroup(string Origin, string IssueId, long Version, bool HasIssue, string? Comment, long Total, bool IsNew);

    private const string BuildsInWindow = "b.start_time >= @start AND b.start_time < @end";

    public static async Task<Totals> TotalsAsync(DashboardDb db, DbConnection connection, MetricsWindow window, CancellationToken cancellationToken)
    {
        await using var command = Command(db, connection, window, $"""
            SELECT
                (SELECT COUNT(DISTINCT c.tree_name) FROM checkouts c WHERE c.start_time >= @start AND c.start_time < @end),
                (SELECT COUNT(*) FROM checkouts c WHERE c.start_time >= @start AND c.start_time < @end),
                (SELECT COUNT(*) FROM builds b WHERE {BuildsInWindow}),
                (SELECT COALESCE(SUM(r.n), 0) FROM builds b JOIN dash_build_tests r ON r.build_id = b.id WHERE {BuildsInWindow}),
                (SELECT COUNT(*) FROM issues i WHERE i._timestamp >= @start AND i._timestamp < @end),
                (SELECT COUNT(*) FROM incidents ic WHERE ic._timestamp >= @start AND ic._timestamp < @end)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Totals(Rows.Long(reader, 0) ?? 0, Rows.Long(reader, 1) ?? 0, Rows.Long(reader, 2) ?? 0, Rows.Long(reader, 3) ?? 0,
            Rows.Long(reader, 4) ?? 0, Rows.Long(reader, 5) ?? 0);
    }

    /// <summary>Per lab (tests' misc.runtime), the distinct builds its tests ran on, its boots and its other tests.</summary>
    public static async Task<SortedDictionary<string, LabCounts>> LabsAsync(DashboardDb db, DbConnection connection, MetricsWindow window,
        CancellationToken cancellationToken)
    {
        await using var command = Command(db, connection, window, $"""
            SELECT r.lab, COUNT(DISTINCT r.build_id),
                COALESCE(SUM(CASE WHEN r.is_boot = 1 THEN r.n ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN r.is_boot = 1 THEN 0 ELSE r.n END), 0)
            FROM builds b JOIN dash_build_tests r ON r.build_id = b.id
            WHERE {BuildsInWindow} AND r.lab <> ''
            GROUP BY r.lab
            """);
        var labs = new SortedDictionary<string, LabCounts>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            labs[reader.GetString(0)] = new LabCounts(Rows.Long(reader, 1) ?? 0, Rows.Long(reader, 2) ?? 0, Rows.Long(reader, 3) ?? 0);
        }

        return labs;
    }

    /// <summary>The window's build incidents grouped by incident origin and issue version, with whether the issue's
    /// first build incident ever is in the window and of that origin (upstream's time_rank, rn = 1).</summary>
    public static async Task<List<IncidentGroup>> BuildIncidentsAsync(DashboardDb db, DbConnection connection, MetricsWindow window,
        CancellationToken cancellationToken)
    {
        await using var command = Command(db, connection, window, """
            WITH firsts AS (
                SELECT x.issue_id, x.origin, x._timestamp
                FROM (SELECT f.issue_id, f.origin, f._timestamp,
                          ROW_NUMBER() OVER (PARTITION BY f.issue_id ORDER BY f._timestamp IS NULL, f._timestamp, f.id) AS rn
                      FROM incidents f WHERE f.build_id IS NOT NULL) x
                WHERE x.rn = 1
            )
            SELECT ic.origin, ic.issue_id, ic.issue_version, MAX(CASE WHEN i.id IS NULL THEN 0 ELSE 1 END), MAX(i.comment), COUNT(*),
                MAX(CASE WHEN f.origin = ic.origin AND f._timestamp >= @start AND f._timestamp < @end THEN 1 ELSE 0 END)
            FROM incidents ic
            LEFT JOIN issues i ON i.id = ic.issue_id AND i.version = ic.issue_version
            LEFT JOIN firsts f ON f.issue_id = ic.issue_id
            WHERE ic.build_id IS NOT NULL AND ic._timestamp >= @start AND ic._timestamp < @end
            GROUP BY ic.origin, ic.issue_id, ic.issue_version
            """);
        var groups = new List<IncidentGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new IncidentGroup(reader.GetString(0), reader.GetString(1), Rows.Long(reader, 2) ?? 0, Rows.Long(reader, 3) == 1,
                Rows.Text(reader, 4), Rows.Long(reader, 5) ?? 0, Rows.Long(reader, 6) == 1));
        }

        return groups;
    }

    private static DbCommand Command(DashboardDb db, DbConnection connection, MetricsWindow window, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        db.Sql.AddTime(command, "start", window.Start);
        db.Sql.AddTime(command, "end", window.End);
        return command;
    }
}
