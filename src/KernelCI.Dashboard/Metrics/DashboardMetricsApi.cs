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

        var started = clock.GetTimestamp();
        var (window, report) = await MetricsReportReader.ReadAsync(db, clock.GetUtcNow(), startDaysAgo, endDaysAgo, cancellationToken);
        IssuesLog.Metrics(logs.CreateLogger(IssuesLog.Category), window.Start, window.End, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return TypedResults.Json(report);
    }
}
