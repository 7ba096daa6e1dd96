using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.Regressions;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class ReportApiTests
{
    private const string Group = "defconfig";
    private const string ArchCompiler = "x86_64/gcc-12";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Report_is_about_the_newest_checkout_with_its_counts(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var report = await app.GetJsonAsync(Url());

        Assert.Equal(seed.Hash(3), (string)report!["commit_hash"]!);
        Assert.Equal("maestro", (string)report["origin"]!);
        Assert.Equal(ReportSeed.GitUrl, (string)report["git_url"]!);
        Assert.Equal("master", (string)report["git_branch"]!);
        Assert.Equal(seed.CheckoutTime(3).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), (string)report["checkout_start_time"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"PASS":1,"FAIL":1,"ERROR":0,"SKIP":0,"MISS":0,"DONE":0,"NULL":0}"""), report["build_status_summary"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(
            """{"pass_count":1,"error_count":0,"fail_count":0,"skip_count":0,"miss_count":0,"done_count":0,"null_count":0}"""), report["boot_status_summary"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(
            """{"pass_count":4,"error_count":0,"fail_count":3,"skip_count":1,"miss_count":0,"done_count":0,"null_count":0}"""), report["test_status_summary"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Report_sorts_the_histories_ending_at_the_checkout(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var report = await app.GetJsonAsync(Url());

        Assert.Equal(["kselftest.regress"], Paths(report!["possible_regressions"]));
        Assert.Equal(["kselftest.fixed"], Paths(report["fixed_regressions"]));
        Assert.Equal(["kselftest.flaky", "kselftest.skipped"], Paths(report["unstable_tests"]));
        var runs = report["possible_regressions"]![ReportSeed.Platform]![Group]![ArchCompiler]!["kselftest.regress"]!.AsArray();
        Assert.Equal([ReportSeed.TestId(3, "regress"), ReportSeed.TestId(2, "regress"), ReportSeed.TestId(1, "regress")], runs.Select(r => (string)r!["id"]!));
        Assert.Equal(["FAIL", "PASS", "PASS"], runs.Select(r => (string)r!["status"]!));
        Assert.Equal(seed.TestTime(3).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), (string)runs[0]!["start_time"]!);
    }

    [Fact]
    public async Task Group_size_shortens_every_history()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await new ReportSeed(DateTimeOffset.UtcNow).LoadAsync(app);

        var report = await app.GetJsonAsync(Url() + "&group_size=2");

        Assert.Equal(["kselftest.regress"], Paths(report!["possible_regressions"]));
        Assert.Equal(["kselftest.fixed", "kselftest.flaky"], Paths(report["fixed_regressions"]));
        Assert.Equal(["kselftest.skipped"], Paths(report["unstable_tests"]));
    }

    [Fact]
    public async Task Max_age_reaches_older_runs()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await new ReportSeed(DateTimeOffset.UtcNow).LoadAsync(app);

        var report = await app.GetJsonAsync(Url() + "&max_age_in_hours=48");

        Assert.Equal(["kselftest.fixed", "kselftest.late"], Paths(report!["fixed_regressions"]));
    }

    [Fact]
    public async Task Min_age_reports_an_older_checkout()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var report = await app.GetJsonAsync(Url() + "&min_age_in_hours=6");

        Assert.Equal(seed.Hash(2), (string)report!["commit_hash"]!);
        Assert.Equal(["kselftest.flaky"], Paths(report["possible_regressions"]));
        Assert.Equal(["kselftest.gone"], Paths(report["fixed_regressions"]));
    }

    [Fact]
    public async Task Paths_are_like_patterns()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await new ReportSeed(DateTimeOffset.UtcNow).LoadAsync(app);

        var report = await app.GetJsonAsync(Url() + "&path=kselftest.f%25&path=kselftest.s%25");

        Assert.Empty(report!["possible_regressions"]!.AsObject());
        Assert.Equal(["kselftest.fixed"], Paths(report["fixed_regressions"]));
        Assert.Equal(["kselftest.flaky", "kselftest.skipped"], Paths(report["unstable_tests"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Report_lists_the_failed_builds_issues_new_and_old(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await new ReportSeed(DateTimeOffset.UtcNow).LoadAsync(app);

        var report = await app.GetJsonAsync(Url());

        var issues = report!["issues"]!["builds"]!.AsArray();
        Assert.Equal(["maestro:issue1", "maestro:issue2"], issues.Select(i => (string)i!["issue_id"]!));
        Assert.Equal([true, false], issues.Select(i => (bool)i!["is_new_issue"]!));
        Assert.Equal("maestro:build3-allmodconfig", (string)issues[0]!["build_id"]!);
        Assert.Equal(1, (int)issues[0]!["version"]!);
        Assert.Equal("issue1 comment", (string)issues[0]!["comment"]!);
        Assert.Equal("https://lore.example.org/issue1", (string)issues[0]!["report_url"]!);
        Assert.True((bool)issues[0]!["culprit_code"]!);
        Assert.False((bool)issues[0]!["culprit_tool"]!);
        Assert.NotNull((string?)issues[0]!["first_seen"]);
    }

    [Fact]
    public async Task Dashboard_url_uses_the_public_url_when_set()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, new DashboardOptions { PublicUrl = "https://dash.example.org/" });
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var report = await app.GetJsonAsync(Url());

        Assert.Equal($"https://dash.example.org/tree/mainline/master/{seed.Hash(3)}?o=maestro", (string)report!["dashboard_url"]!);
    }

    [Fact]
    public async Task Report_answers_without_the_trailing_slash_too()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var report = await app.GetJsonAsync(Url().Replace("tree-report/?", "tree-report?", StringComparison.Ordinal));

        Assert.Equal(seed.Hash(3), (string)report!["commit_hash"]!);
    }

    [Fact]
    public async Task A_tree_without_checkouts_in_the_window_is_200_with_an_error()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await new ReportSeed(DateTimeOffset.UtcNow).LoadAsync(app);

        var report = await app.GetJsonAsync(Url() + "&tree_name=next");

        Assert.Equal("Tree not found in the given interval", (string)report!["error"]!);
    }

    [Theory]
    [InlineData("max_age_in_hours=721", "max_age_in_hours")]
    [InlineData("max_age_in_hours=-1", "max_age_in_hours")]
    [InlineData("min_age_in_hours=-1", "min_age_in_hours")]
    [InlineData("min_age_in_hours=abc", "min_age_in_hours")]
    [InlineData("min_age_in_hours=24", "min_age_in_hours")]
    [InlineData("group_size=x", "group_size")]
    [InlineData("group_size=1", "group_size")]
    [InlineData("group_size=99999999999", "group_size")]
    public async Task A_malformed_parameter_is_400_naming_it(string parameter, string name)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync(Url() + "&" + parameter, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(name + ":", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!);
    }

    [Theory]
    [InlineData("git_url")]
    [InlineData("git_branch")]
    public async Task A_missing_tree_parameter_is_400_naming_it(string parameter)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var url = parameter == "git_url" ? "/api/tree-report/?git_branch=master" : "/api/tree-report/?git_url=u";

        using var response = await app.Client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(parameter + ":", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!);
    }

    internal static string Url() =>
        $"/api/tree-report/?origin=maestro&git_url={Uri.EscapeDataString(ReportSeed.GitUrl)}&git_branch={ReportSeed.Branch}";

    /// <summary>The test paths of a platform → config → arch/compiler → path tree, sorted.</summary>
    internal static string[] Paths(JsonNode? groups) =>
        groups!.AsObject().SelectMany(platform => platform.Value!.AsObject())
            .SelectMany(config => config.Value!.AsObject())
            .SelectMany(archCompiler => archCompiler.Value!.AsObject())
            .Select(path => path.Key).Order(StringComparer.Ordinal).ToArray();
}
