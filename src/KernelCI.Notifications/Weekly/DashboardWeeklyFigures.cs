using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;

namespace KernelCI.Notifications.Weekly;

/// <summary>KCIDB's figures through the dashboard API, the queries upstream's `hardware_summary` and `metrics_summary`
/// read (kernelci/dashboard: backend/kernelCI_app/queries/notifications.py).</summary>
internal sealed class DashboardWeeklyFigures(DashboardApiClient dashboard, NotificationsOptions options) : IWeeklyFigures
{
    public async Task<IReadOnlyList<PlatformWeek>> HardwareAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        JsonNode listing;
        try
        {
            listing = await dashboard.GetAsync("hardware/", [new("origin", options.MaestroOrigin),
                new("startTimestampInSeconds", from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                new("endTimestampInSeconds", until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))], cancellationToken);
        }
        catch (DashboardApiException e) when (e.IsErrorReply)
        {
            // "No hardware found": a quiet week.
            return [];
        }

        return [.. (listing["hardware"]?.AsArray() ?? []).OfType<JsonObject>().Where(h => h["platform"] is not null)
            .Select(h => new PlatformWeek(h["platform"]!.ToString(), Counts(h["build_status_summary"]), Counts(h["boot_status_summary"]), Counts(h["test_status_summary"])))];
    }

    public async Task<MetricsWeek> MetricsAsync(CancellationToken cancellationToken)
    {
        var m = await dashboard.GetAsync("metrics/", [new("start_days_ago", "7"), new("end_days_ago", "0")], cancellationToken);
        var labs = (m["lab_maps"] as JsonObject ?? []).Select(l => new LabWeek(l.Key, Long(l.Value?["builds"]), Long(l.Value?["boots"]), Long(l.Value?["tests"])))
            .OrderBy(l => l.Lab, StringComparer.Ordinal).ToList();
        return new MetricsWeek(Long(m["n_trees"]), Long(m["n_checkouts"]), Long(m["n_builds"]), Long(m["n_tests"]), Long(m["n_issues"]), Long(m["n_incidents"]),
            Long(m["prev_n_checkouts"]), Long(m["prev_n_builds"]), Long(m["prev_n_tests"]), labs);
    }

    private static StatusCounts Counts(JsonNode? summary) => new(Long(summary?["PASS"]), Long(summary?["FAIL"]), Long(summary?["INCONCLUSIVE"]));

    private static long Long(JsonNode? value) => value is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
}
