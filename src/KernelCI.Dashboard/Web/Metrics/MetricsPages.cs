using System.Globalization;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Metrics;
using KernelCI.Dashboard.Web.Compare;
using KernelCI.Dashboard.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Metrics;

/// <summary>`/metrics?start_days_ago=7&amp;end_days_ago=0`: the numbers of metrics/ (docs/dashboard-api.md, "Metrics";
/// upstream's page: kernelci/dashboard:dashboard/src/pages/Metrics/MetricsPage.tsx) with the API's parameters, read in
/// process through MetricsReportReader.</summary>
internal static class MetricsPages
{
    public static RouteGroupBuilder MapMetricsPages(this RouteGroupBuilder pages)
    {
        // The listener's Prometheus endpoint is `/metrics` too: BrowserPagePolicy sends browsers here.
        pages.MapGet("/metrics", MetricsAsync).WithMetadata(BrowserPageMetadata.Instance);
        return pages;
    }

    private static async Task<IResult> MetricsAsync(HttpContext http, DashboardDb db, TimeProvider clock, ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var startDaysAgo = QueryValues.Int(query, "start_days_ago", 7, 1, DashboardMetricsApi.MaxDaysAgo);
        var endDaysAgo = QueryValues.Int(query, "end_days_ago", 0, 0, DashboardMetricsApi.MaxDaysAgo);
        if (startDaysAgo <= endDaysAgo)
        {
            throw new BadParameterException("start_days_ago", DashboardMetricsApi.InvalidInterval);
        }

        var started = clock.GetTimestamp();
        var (window, report) = await MetricsReportReader.ReadAsync(db, clock.GetUtcNow(), startDaysAgo, endDaysAgo, cancellationToken);
        CompareLog.MetricsRead(logs.CreateLogger(CompareLog.Category), window.Start, window.End, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        var length = window.End - window.Start;
        return PageResults.Page<MetricsPage>(new MetricsView(startDaysAgo, endDaysAgo, window.Start, window.End, window.Start - length,
            [
                new("Trees", report.NTrees, report.PrevNTrees), new("Checkouts", report.NCheckouts, report.PrevNCheckouts),
                new("Builds", report.NBuilds, report.PrevNBuilds), new("Tests", report.NTests, report.PrevNTests),
            ],
            [new("Issues", report.NIssues, null), new("Incidents", report.NIncidents, null)],
            report.BuildIncidentsByOrigin.Select(o => new MetricsOrigin(o.Key, o.Value.TotalIncidents, o.Value.NNewIssues, o.Value.NExistingIssues,
                o.Value.NTotalIssues, Issues(report.TopIssuesByOrigin, o.Key), Issues(report.NewIssuesByOrigin, o.Key))).ToList(),
            report.LabMaps.Keys.Union(report.PrevLabMaps.Keys).Select(lab => Lab(report, lab))
                .OrderBy(l => l.IsGone).ThenBy(l => l.Name, StringComparer.Ordinal).ToList(),
            string.Create(CultureInfo.InvariantCulture, $"/api/metrics/?start_days_ago={startDaysAgo}&end_days_ago={endDaysAgo}")));
    }

    private static List<MetricsIssue> Issues(SortedDictionary<string, List<TopIssue>> byOrigin, string origin) =>
        byOrigin.TryGetValue(origin, out var issues)
            ? issues.Select(i => new MetricsIssue(i.Id, i.Version, i.Comment, i.TotalIncidents, "/issue/" + Uri.EscapeDataString(i.Id))).ToList()
            : [];

    private static MetricsLab Lab(MetricsReport report, string lab)
    {
        var now = report.LabMaps.GetValueOrDefault(lab);
        var before = report.PrevLabMaps.GetValueOrDefault(lab);
        return new MetricsLab(lab, now?.Builds ?? 0, now?.Boots ?? 0, now?.Tests ?? 0, before?.Tests ?? 0, before is null, now is null);
    }
}
