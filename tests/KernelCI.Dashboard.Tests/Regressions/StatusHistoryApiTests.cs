using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Regressions;

public sealed class StatusHistoryApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task History_lists_the_runs_up_to_the_current_one_newest_first(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var answer = await app.GetJsonAsync(Url(seed, "kselftest.flaky", seed.TestTime(3)));

        var history = answer!["status_history"]!.AsArray();
        Assert.Equal([ReportSeed.TestId(3, "flaky"), ReportSeed.TestId(2, "flaky"), ReportSeed.TestId(1, "flaky")],
            history.Select(h => (string)h!["id"]!));
        Assert.Equal(["PASS", "FAIL", "PASS"], history.Select(h => (string)h!["status"]!));
        Assert.Equal(seed.Hash(2), (string)history[1]!["git_commit_hash"]!);
        Assert.Equal(seed.TestTime(2).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), (string)history[1]!["start_time"]!);
        Assert.Equal("unstable", (string)answer["regression_type"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Group_size_limits_the_runs_classified(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var answer = await app.GetJsonAsync(Url(seed, "kselftest.flaky", seed.TestTime(3)) + "&group_size=2");

        Assert.Equal(2, answer!["status_history"]!.AsArray().Count);
        Assert.Equal("fixed", (string)answer["regression_type"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task An_older_current_run_ignores_later_runs(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var answer = await app.GetJsonAsync(Url(seed, "kselftest.flaky", seed.TestTime(2)));

        Assert.Equal(["FAIL", "PASS"], answer!["status_history"]!.AsArray().Select(h => (string)h!["status"]!));
        Assert.Equal("regression", (string)answer["regression_type"]!);
    }

    [Theory]
    [InlineData("kselftest.stable", "pass")]
    [InlineData("kselftest.regress", "regression")]
    [InlineData("kselftest.fixed", "fixed")]
    [InlineData("kselftest.skipped", "unstable")]
    public async Task Each_seeded_history_has_its_type(string path, string type)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var answer = await app.GetJsonAsync(Url(seed, path, seed.TestTime(3)));

        Assert.Equal(type, (string)answer!["regression_type"]!);
    }

    [Fact]
    public async Task Without_a_time_the_newest_runs_are_read()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var answer = await app.GetJsonAsync(Url(seed, "kselftest.regress", null));

        Assert.Equal(ReportSeed.TestId(3, "regress"), (string)answer!["status_history"]![0]!["id"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Without_a_start_time_the_field_timestamp_bounds_the_runs(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var answer = await app.GetJsonAsync(Url(seed, "kselftest.regress", null) + "&field_timestamp=" + DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds());

        Assert.Equal(["FAIL", "PASS", "PASS"], answer!["status_history"]!.AsArray().Select(h => (string)h!["status"]!));
        Assert.Equal("regression", (string)answer["regression_type"]!);
    }

    [Fact]
    public async Task The_time_may_be_seconds_since_1970()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var answer = await app.GetJsonAsync(Url(seed, "kselftest.flaky", null) + "&current_test_start_time=" + seed.TestTime(2).ToUnixTimeSeconds());

        Assert.Equal("regression", (string)answer!["regression_type"]!);
    }

    [Theory]
    [InlineData("platform=rpi4")]
    [InlineData("config_name=tinyconfig")]
    [InlineData("origin=microsoft")]
    public async Task Another_platform_config_or_origin_has_no_history(string change)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        using var response = await app.Client.GetAsync(Url(seed, "kselftest.flaky", seed.TestTime(3)) + "&" + change, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Test status history not found", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!);
    }

    [Theory]
    [InlineData("path")]
    [InlineData("git_repository_url")]
    [InlineData("git_repository_branch")]
    [InlineData("config_name")]
    public async Task A_missing_required_parameter_is_400_naming_it(string parameter)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var query = new Dictionary<string, string>
        {
            ["path"] = "p", ["git_repository_url"] = ReportSeed.GitUrl, ["git_repository_branch"] = "master", ["config_name"] = "defconfig",
        };
        query.Remove(parameter);

        var error = await ErrorAsync(app, "/api/test/status-history?" + string.Join("&", query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));

        Assert.StartsWith(parameter + ":", error);
    }

    [Theory]
    [InlineData("group_size=abc", "group_size")]
    [InlineData("group_size=0", "group_size")]
    [InlineData("group_size=100000", "group_size")]
    [InlineData("current_test_start_time=yesterday", "current_test_start_time")]
    [InlineData("field_timestamp=-5", "field_timestamp")]
    public async Task A_malformed_parameter_is_400_naming_it(string parameter, string name)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var error = await ErrorAsync(app, $"/api/test/status-history?path=p&git_repository_url=u&git_repository_branch=b&config_name=c&{parameter}");

        Assert.StartsWith(name + ":", error);
    }

    private static string Url(ReportSeed seed, string path, DateTimeOffset? current) =>
        $"/api/test/status-history?path={path}&origin=maestro&git_repository_url={Uri.EscapeDataString(ReportSeed.GitUrl)}"
        + $"&git_repository_branch={ReportSeed.Branch}&config_name={ReportSeed.Config}&platform={ReportSeed.Platform}"
        + (current is { } time ? "&current_test_start_time=" + Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")) : "");

    private static async Task<string> ErrorAsync(DashboardTestApp app, string url)
    {
        using var response = await app.Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!;
    }
}
