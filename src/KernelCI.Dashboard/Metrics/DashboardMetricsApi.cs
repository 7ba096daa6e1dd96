using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using KernelCI.Dashboard.Issues;

namespace KernelCI.Dashboard.Metrics;

/// <summary>GET metrics/?start_days_ago=7&amp;end_days_ago=0 (kernelci/dashboard: backend/kernelCI_app/views/
/// metricsView.py; docs/dashboard-api.md, "Metrics"): the [start, end) window between UTC midnights, and the window of
/// the same length before it.</summary>
internal static class DashboardMetricsApi
{
    /// <summary>Upstream's text (constants/localization.py, METRICS_INVALID_INTERVAL), answered 400.</summary>
    public const string InvalidInterval = "start_days_ago must be greater than end_days_ago to define a valid interval";

    /// <summary>The furthest back a window may start: ten years (upstream has no bound and warns past 30 days).</summary>
    public const int MaxDaysAgo = 3650;

    private const int TopIssues = 3;

    public static RouteGroupBuilder MapDashboardMetrics(this RouteGroupBuilder api)
    {
        api.MapGet("/metrics", ReportAsync).WithSummary("KPIs of a window of days against the previous one (upstream: metrics/)");
        return api;
    }

    private static async Task<IResult> ReportAsync(HttpContext http, DashboardDb db, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var startDaysAgo = QueryValues.Int(query, "start_days_ago", 7, 0, MaxDaysAgo);
        var endDaysAgo = QueryValues.Int(query, "end_days_ago", 0, 0, MaxDaysAgo);
        if (startDaysAgo <= endDaysAgo)
        {
            return Replies.BadRequest(InvalidInterval);
        }

        var now = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        var window = MetricsWindow.DaysAgo(now, startDaysAgo, endDaysAgo);
        // The previous window ends where this one starts and is as long; past the bound it is cut at the bound.
        var previous = MetricsWindow.DaysAgo(now, Math.Min(startDaysAgo + (startDaysAgo - endDaysAgo), MaxDaysAgo * 2), startDaysAgo);

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

        IssuesLog.Metrics(logs.CreateLogger(IssuesLog.Category), window.Start, window.End, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return TypedResults.Json(new MetricsReport(totals.Trees, totals.Checkouts, totals.Builds, totals.Tests, totals.Issues, totals.Incidents,
            incidents, top, fresh, labs, prevTotals.Trees, prevTotals.Checkouts, prevTotals.Builds, prevTotals.Tests, prevLabs));
    }

    private static TopIssue ToTopIssue(MetricsQueries.IncidentGroup group) => new(group.IssueId, group.Version, group.Comment, group.Total);
}
