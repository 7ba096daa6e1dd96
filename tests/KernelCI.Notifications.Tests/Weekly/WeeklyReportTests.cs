using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.Data;
using KernelCI.Notifications.Weekly;
using KernelCI.Notifications.Outbox;
using KernelCI.Testing;

namespace KernelCI.Notifications.Tests.Weekly;

/// <summary>The weekly hardware summary per platform and the weekly metrics, on the fake clock.</summary>
public sealed class WeeklyReportTests
{
    // NotificationsTestApp.Start is Tuesday 2026-12-01 10:00 UTC; the reports are on Mondays at 03:00.
    private static readonly TimeSpan ToNextMonday = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero) - NotificationsTestApp.Start;

    private static NotificationsOptions WithMetrics(NotificationsOptions o)
    {
        o.MetricsRecipients = ["KPI@example.org"];
        return o;
    }

    [Fact]
    public async Task Weekly_hardware_summary_matches_its_golden_file()
    {
        await using var sink = SmtpSink.Start();
        var (app, _, _) = await ReportsTestApp.StartWithIssuesAsync(sink.Port);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "lab@example.org", ["platform"] = "qemu-x86" });
        await app.WriteWeeklyAsync();
        app.Time.Advance(ToNextMonday);

        Assert.Equal(1, await app.WriteWeeklyAsync());

        var mail = (await sink.WaitForAsync(2))[^1];
        Golden.Verify("hardware", mail);
    }

    [Fact]
    public async Task Weekly_metrics_match_their_golden_file()
    {
        await using var sink = SmtpSink.Start();
        var (app, _, _) = await ReportsTestApp.StartWithIssuesAsync(sink.Port, configure: WithMetrics);
        await using var _ = app;
        await app.WriteWeeklyAsync();
        app.Time.Advance(TimeSpan.FromDays(1));
        app.Feed.Push(Regressions.Open(), Regressions.Fixed(Regressions.Open(id: "5f2a9c0b7d1e4a6b8c3d2e70")));
        await app.ReadFeedAsync();
        app.Time.Advance(ToNextMonday - TimeSpan.FromDays(1));

        Assert.Equal(1, await app.WriteWeeklyAsync());

        var mail = (await sink.WaitForAsync(1))[^1];
        Assert.Equal(["kpi@example.org"], sink.Received[^1].To);
        Golden.Verify("metrics", mail);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task First_start_marks_the_week_and_each_week_is_reported_once(DatabaseKind kind)
    {
        var (app, _, _) = await ReportsTestApp.StartWithIssuesAsync(kind: kind, configure: WithMetrics);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "lab@example.org", ["platform"] = "qemu-x86" });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "lab@example.org", ["platform"] = "rk3399", ["delivery"] = "daily" });

        // The week that ended before the first start is not reported
        Assert.Equal(0, await app.WriteWeeklyAsync());
        app.Time.Advance(ToNextMonday);
        var first = await app.WriteWeeklyAsync();
        var again = await app.WriteWeeklyAsync();

        Assert.Equal((3, 0), (first, again));
        var mails = (await app.OutboxAsync()).Where(e => e.Kind is MailKinds.Hardware or MailKinds.Metrics).Select(e => (e.Kind, e.Recipient)).Order();
        Assert.Equal([(MailKinds.Hardware, "lab@example.org"), (MailKinds.Metrics, "kpi@example.org")], mails);
        // The daily subscription's hardware summary waits in the digest, with a board that had no results
        app.Time.Advance(TimeSpan.FromHours(3));
        await app.WriteDigestsAsync();
        Assert.Contains("No results this week", await app.MessageTextAsync(MailKinds.Digest));
    }

    [Fact]
    public async Task Dashboard_answers_become_weekly_figures()
    {
        using var http = new HttpClient(new CannedDashboard()) { BaseAddress = new Uri("http://dashboard.test/api/") };
        var source = new DashboardWeeklyFigures(new DashboardApiClient(http, TimeProvider.System) { RetryDelays = [] }, NotificationsTestApp.Options(null));

        var week = await source.HardwareAsync("qemu-x86", NotificationsTestApp.Start.AddDays(-7), NotificationsTestApp.Start, CancellationToken.None);
        var none = await source.HardwareAsync("rk3399", NotificationsTestApp.Start.AddDays(-7), NotificationsTestApp.Start, CancellationToken.None);
        var metrics = await source.MetricsAsync(CancellationToken.None);

        Assert.Null(none);
        Assert.Equal((new StatusCounts(3, 1, 2), new StatusCounts(5, 0, 1)), (week!.Boots, week.Tests));
        var lab = Assert.Single(week.Labs);
        Assert.Equal(new LabCounts("lava-a", new StatusCounts(3, 1, 2), new StatusCounts(5, 0, 1)), lab);
        Assert.Equal((1L, 2L, 4L, 1L), (metrics.Checkouts, metrics.Builds, metrics.PreviousTests, metrics.PreviousCheckouts));
        Assert.Equal([new LabWeek("lava-a", 1, 1, 0)], metrics.Labs);
    }

    private sealed class CannedDashboard : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.RequestUri!.AbsolutePath switch
            {
                "/api/hardware/qemu-x86/summary" => """
                    {"summary": {"builds": {"status": {"PASS": 2, "FAIL": 0, "ERROR": 0, "SKIP": 0, "MISS": 0, "DONE": 0, "NULL": 0}},
                                 "boots": {"status": {"PASS": 3, "FAIL": 1, "ERROR": 1, "MISS": 1}, "labs": {"lava-a": {"PASS": 3, "FAIL": 1, "ERROR": 1, "NULL": 1}}},
                                 "tests": {"status": {"PASS": 5, "SKIP": 1}, "labs": {"lava-a": {"PASS": 5, "SKIP": 1}}}}}
                    """,
                "/api/metrics/" => """
                    {"n_trees": 1, "n_checkouts": 1, "n_builds": 2, "n_tests": 2, "n_issues": 5, "n_incidents": 3,
                     "lab_maps": {"lava-a": {"builds": 1, "boots": 1, "tests": 0}},
                     "prev_n_trees": 1, "prev_n_checkouts": 1, "prev_n_builds": 1, "prev_n_tests": 4}
                    """,
                _ => """{"error": "Hardware not found"}""",
            };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
