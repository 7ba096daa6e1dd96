using KernelCI.Dashboard.Data;

namespace KernelCI.Dashboard.Metrics;

/// <summary>What metrics/ answers for a window of days (docs/dashboard-api.md, "Metrics"), read once for the API and
/// the web page alike.</summary>
internal static class MetricsReportReader
{
    private const int TopIssues = 3;

    public static async Task<(MetricsWindow Window, MetricsReport Report)> ReadAsync(DashboardDb db, DateTimeOffset now, int startDaysAgo,
        int endDaysAgo, CancellationToken cancellationToken)
    {
        var maxDaysAgo = DashboardMetricsApi.MaxDaysAgo;
        var window = MetricsWindow.DaysAgo(now, startDaysAgo, endDaysAgo);
        // The previous window ends where this one starts and is as long; past the bound it is cut at the bound.
        var previous = MetricsWindow.DaysAgo(now, Math.Min(startDaysAgo + (startDaysAgo - endDaysAgo), maxDaysAgo * 2), startDaysAgo);

        await using var connection = await db.OpenAsync(cancellationToken);
        var totals = await MetricsQueries.TotalsAsync(db, connection, window, cancellationToken);
        var prevTotals = await MetricsQueries.TotalsAsync(db, connection, previous, cancellationToken);
        var labs = await MetricsQueries.LabsAsync(db, connection, window, cancellationToken);
        var prevLabs = await MetricsQueries.LabsAsync(db, connection, previous, cancellationToken);
        var groups = await MetricsQueries.BuildIncidentsAsync(db, connection, window, cancellationToken);

        var incidents = new SortedDictionary<string, BuildIncidents>(StringComparer.Ordinal);
        var top = new SortedDictionary<string, List<TopIssue>>(StringComparer.Ordinal);
        var fresh = new SortedDictionary<string, List<TopIssue>>(StringComparer.Ordinal);
        foreach (var origin in groups.GroupBy(g => g.Origin, StringComparer.Ordinal))
        {
            // Upstream's top-issues query joins issues: an origin whose incidents name no stored issue is left out.
            var known = origin.Where(g => g.HasIssue).OrderByDescending(g => g.Total).ThenBy(g => g.IssueId, StringComparer.Ordinal)
                .ThenBy(g => g.Version).ToList();
            if (known.Count == 0)
            {
                continue;
            }

            var total = origin.Sum(g => g.Total);
            var issues = origin.Select(g => g.IssueId).Distinct(StringComparer.Ordinal).Count();
            var newIssues = origin.Where(g => g.IsNew).Select(g => g.IssueId).Distinct(StringComparer.Ordinal).Count();
            incidents[origin.Key] = new BuildIncidents(total, newIssues, issues - newIssues, issues);
            top[origin.Key] = [.. known.Take(TopIssues).Select(ToTopIssue)];
            if (known.Where(g => g.IsNew).Select(ToTopIssue).ToList() is { Count: > 0 } list)
            {
                fresh[origin.Key] = list;
            }
        }

        return (window, new MetricsReport(totals.Trees, totals.Checkouts, totals.Builds, totals.Tests, totals.Issues, totals.Incidents,
            incidents, top, fresh, labs, prevTotals.Trees, prevTotals.Checkouts, prevTotals.Builds, prevTotals.Tests, prevLabs));
    }

    private static TopIssue ToTopIssue(MetricsQueries.IncidentGroup group) => new(group.IssueId, group.Version, group.Comment, group.Total);
}
