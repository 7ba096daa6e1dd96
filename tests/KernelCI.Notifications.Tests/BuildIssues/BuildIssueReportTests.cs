using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.Data;
using KernelCI.Notifications.BuildIssues;
using KernelCI.Notifications.Outbox;
using KernelCI.Testing;

namespace KernelCI.Notifications.Tests.BuildIssues;

/// <summary>New build issue reports: once per issue and tree, to the subscriptions that follow that tree's builds.</summary>
public sealed class BuildIssueReportTests
{
    [Fact]
    public async Task Build_issue_report_matches_its_golden_file()
    {
        await using var sink = SmtpSink.Start();
        var (app, _, issues) = await ReportsTestApp.StartWithIssuesAsync(sink.Port);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        issues.Issues.Add(FakeBuildIssues.Issue());

        Assert.Equal(1, await app.ReadBuildIssuesAsync());

        var mail = (await sink.WaitForAsync(2))[^1];
        Golden.Verify("build-issue", mail);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_issue_is_reported_once_per_tree(DatabaseKind kind)
    {
        var (app, _, issues) = await ReportsTestApp.StartWithIssuesAsync(kind: kind);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "main@example.org", ["tree"] = "mainline" });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "next@example.org", ["tree"] = "next" });
        issues.Issues.Add(FakeBuildIssues.Issue());
        Assert.Equal(1, await app.ReadBuildIssuesAsync());

        // Read again (the windows overlap), and then the issue reaches next too
        Assert.Equal(0, await app.ReadBuildIssuesAsync());
        issues.Issues.Add(FakeBuildIssues.Issue(tree: "next"));
        Assert.Equal(1, await app.ReadBuildIssuesAsync());

        var reports = (await app.OutboxAsync()).Where(e => e.Kind == MailKinds.BuildIssue).OrderBy(e => e.Id).ToList();
        Assert.Equal(["main@example.org", "next@example.org"], reports.Select(e => e.Recipient));
        Assert.Equal("[KernelCI] next/master: new build issue: arm64: undefined reference to `foo_init'", reports[1].Subject);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_issue_goes_to_no_test_path_or_platform_subscription(DatabaseKind kind)
    {
        var (app, _, issues) = await ReportsTestApp.StartWithIssuesAsync(kind: kind);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "tests@example.org", ["tree"] = "mainline", ["path"] = "baseline.*" });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "board@example.org", ["platform"] = "qemu-x86" });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "origin@example.org", ["origin"] = "maestro" });
        issues.Issues.Add(FakeBuildIssues.Issue());

        await app.ReadBuildIssuesAsync();

        var report = Assert.Single(await app.OutboxAsync(), e => e.Kind == MailKinds.BuildIssue);
        Assert.Equal("origin@example.org", report.Recipient);
    }

    [Fact]
    public async Task Reader_looks_back_an_hour_before_its_last_read()
    {
        var (app, _, issues) = await ReportsTestApp.StartWithIssuesAsync();
        await using var _ = app;
        await app.ReadBuildIssuesAsync();
        app.Time.Advance(TimeSpan.FromMinutes(15));

        await app.ReadBuildIssuesAsync();

        Assert.Equal([NotificationsTestApp.Start.AddMinutes(-15), NotificationsTestApp.Start.AddHours(-1)], issues.Windows);
    }

    [Fact]
    public async Task Dashboard_answers_become_build_issues()
    {
        using var http = new HttpClient(new CannedDashboard()) { BaseAddress = new Uri("http://dashboard.test/api/") };
        var source = new DashboardBuildIssues(new DashboardApiClient(http, TimeProvider.System) { RetryDelays = [] });

        var issues = await source.ReadAsync(NotificationsTestApp.Start, CancellationToken.None);

        // The test-only issue has no builds, so it is not a build issue
        var issue = Assert.Single(issues);
        Assert.Equal(("maestro:i1", 2, "maestro", "arm64 breaks", "https://lore.example.org/i1"), (issue.Id, issue.Version, issue.Origin, issue.ReportSubject, issue.ReportUrl));
        Assert.Equal(["code"], issue.Culprits);
        Assert.Equal(new IssueBuild("maestro:b1", "mainline", "master", "defconfig", "arm64", "gcc-12", "FAIL", "https://logs.example.org/b1.log.gz"),
            Assert.Single(issue.Builds));
    }

    private sealed class CannedDashboard : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = path switch
            {
                "/api/issue/" => """{"issues": [{"id": "maestro:i1", "version": 2}, {"id": "maestro:i2", "version": 1}], "extras": {}}""",
                "/api/issue/maestro%3Ai1/builds" or "/api/issue/maestro:i1/builds" => """
                    [{"id": "maestro:b1", "architecture": "arm64", "config_name": "defconfig", "status": "FAIL", "compiler": "gcc-12",
                      "log_url": "https://logs.example.org/b1.log.gz", "tree_name": "mainline", "git_repository_branch": "master", "misc": {}}]
                    """,
                "/api/issue/maestro%3Ai1" or "/api/issue/maestro:i1" => """
                    {"id": "maestro:i1", "version": 2, "origin": "maestro", "report_url": "https://lore.example.org/i1", "report_subject": "arm64 breaks",
                     "culprit_code": true, "culprit_tool": null, "culprit_harness": false, "comment": "build breaks"}
                    """,
                _ => """{"error": "No builds found for this issue"}""",
            };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
