using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;

namespace KernelCI.Notifications.Weekly;

/// <summary>KCIDB's figures through the dashboard API, the queries upstream's `hardware_summary` and `metrics_summary`
/// read (kernelci/dashboard: backend/kernelCI_app/queries/notifications.py).</summary>
internal sealed class DashboardWeeklyFigures(DashboardApiClient dashboard, NotificationsOptions options) : IWeeklyFigures
{
    public async Task<PlatformWeek?> HardwareAsync(string platform, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        JsonNode answer;
        try
        {
            answer = await dashboard.PostAsync($"hardware/{Uri.EscapeDataString(platform)}/summary", new JsonObject
            {
                ["origin"] = options.MaestroOrigin,
                ["startTimestampInSeconds"] = from.ToUnixTimeSeconds(),
                ["endTimestampInSeconds"] = until.ToUnixTimeSeconds(),
            }, cancellationToken);
        }
        catch (DashboardApiException e) when (e.IsErrorReply)
        {
            // "Hardware not found": no results in the window, which the mail says.
            return null;
        }

        var summary = answer["summary"];
        var boots = summary?["boots"]?["labs"] as JsonObject ?? [];
        var tests = summary?["tests"]?["labs"] as JsonObject ?? [];
        var labs = boots.Select(l => l.Key).Union(tests.Select(l => l.Key)).Order(StringComparer.Ordinal)
            .Select(lab => new LabCounts(lab, Counts(boots[lab]), Counts(tests[lab]))).ToList();
        return new PlatformWeek(platform, Counts(summary?["builds"]?["status"]), Counts(summary?["boots"]?["status"]), Counts(summary?["tests"]?["status"]), labs);
    }

    public async Task<MetricsWeek> MetricsAsync(CancellationToken cancellationToken)
    {
        var m = await dashboard.GetAsync("metrics/", [new("start_days_ago", "7"), new("end_days_ago", "0")], cancellationToken);
        var labs = (m["lab_maps"] as JsonObject ?? []).Select(l => new LabWeek(l.Key, Long(l.Value?["builds"]), Long(l.Value?["boots"]), Long(l.Value?["tests"])))
            .OrderBy(l => l.Lab, StringComparer.Ordinal).ToList();
        return new MetricsWeek(Long(m["n_trees"]), Long(m["n_checkouts"]), Long(m["n_builds"]), Long(m["n_tests"]), Long(m["n_issues"]), Long(m["n_incidents"]),
            Long(m["prev_n_checkouts"]), Long(m["prev_n_builds"]), Long(m["prev_n_tests"]), labs);
    }

    // As the dashboard's hardware listing counts: anything neither PASS nor FAIL is inconclusive.
    private static StatusCounts Counts(JsonNode? counts) => counts is JsonObject o
        ? new(Long(o["PASS"]), Long(o["FAIL"]), o.Where(p => p.Key is not ("PASS" or "FAIL")).Sum(p => Long(p.Value)))
        : new(0, 0, 0);

    private static long Long(JsonNode? value) => value is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
}
