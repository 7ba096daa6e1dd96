using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Hardware;

public sealed class HardwareListingTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static string Window()
    {
        var (start, end) = HardwareSeed.LastWeek(Now);
        return $"startTimestampInSeconds={start}&endTimestampInSeconds={end}";
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_counts_each_boards_builds_boots_and_tests_on_the_newest_checkouts(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.GetJsonAsync("/api/hardware/?" + Window());

        var hardware = json!["hardware"]!.AsArray();
        Assert.Equal(2, hardware.Count);
        // The old mainline checkout, the stale tree and the other origin's boot are left out; the dummy build is not counted.
        Assert.Equal(HardwareSeed.Board, (string?)hardware[0]!["platform"]);
        Assert.Equal("""["google,tomato-rev2","mediatek,mt8195"]""", hardware[0]!["hardware"]!.ToJsonString());
        Assert.Equal("""{"PASS":2,"FAIL":0,"INCONCLUSIVE":0}""", hardware[0]!["build_status_summary"]!.ToJsonString());
        Assert.Equal("""{"PASS":3,"FAIL":0,"INCONCLUSIVE":0}""", hardware[0]!["boot_status_summary"]!.ToJsonString());
        Assert.Equal("""{"PASS":1,"FAIL":2,"INCONCLUSIVE":1}""", hardware[0]!["test_status_summary"]!.ToJsonString());
        Assert.Equal(HardwareSeed.Qemu, (string?)hardware[1]!["platform"]);
        Assert.Null(hardware[1]!["hardware"]);
        Assert.Equal("""{"PASS":0,"FAIL":1,"INCONCLUSIVE":0}""", hardware[1]!["build_status_summary"]!.ToJsonString());
        Assert.Equal("""{"PASS":0,"FAIL":1,"INCONCLUSIVE":0}""", hardware[1]!["boot_status_summary"]!.ToJsonString());
        Assert.Equal("""{"PASS":1,"FAIL":0,"INCONCLUSIVE":0}""", hardware[1]!["test_status_summary"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_with_a_commits_list_counts_those_checkouts_instead(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.GetJsonAsync($"/api/hardware?{Window()}&commitsList={HardwareSeed.OldHash}");

        var hardware = json!["hardware"]!.AsArray();
        var board = Assert.Single(hardware);
        Assert.Equal("""{"PASS":1,"FAIL":0,"INCONCLUSIVE":0}""", board!["build_status_summary"]!.ToJsonString());
        Assert.Equal("""{"PASS":0,"FAIL":1,"INCONCLUSIVE":0}""", board["boot_status_summary"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_counts_only_the_given_test_origin(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.GetJsonAsync($"/api/hardware?origin=lab&{Window()}");

        var board = Assert.Single(json!["hardware"]!.AsArray());
        Assert.Equal("""{"PASS":1,"FAIL":0,"INCONCLUSIVE":0}""", board!["boot_status_summary"]!.ToJsonString());
        Assert.Equal("""{"PASS":0,"FAIL":0,"INCONCLUSIVE":0}""", board["test_status_summary"]!.ToJsonString());
    }

    [Fact]
    public async Task Listing_without_hardware_answers_upstreams_error_with_200()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var json = await app.GetJsonAsync("/api/hardware?" + Window());

        Assert.Equal("No hardware found", (string?)json!["error"]);
    }

    [Theory]
    [InlineData("endTimestampInSeconds=100", "startTimestampInSeconds")]
    [InlineData("startTimestampInSeconds=100", "endTimestampInSeconds")]
    [InlineData("startTimestampInSeconds=yesterday&endTimestampInSeconds=100", "startTimestampInSeconds")]
    [InlineData("startTimestampInSeconds=200&endTimestampInSeconds=100", "endTimestampInSeconds")]
    [InlineData("startTimestampInSeconds=100&endTimestampInSeconds=200&limit=many", "limit")]
    public async Task Listing_refuses_a_bad_window_naming_the_parameter(string query, string parameter)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/api/hardware/?" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"];
        Assert.StartsWith(parameter + ":", error);
    }

    [Fact]
    public async Task Listing_refuses_a_huge_commits_list()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var commits = string.Join(",", Enumerable.Range(0, 100_000).Select(i => i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture)));

        using var response = await app.Client.GetAsync($"/api/hardware?{Window()}&commitsList={commits}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("commitsList", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Listing_pages_with_limit_and_cursor()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await HardwareSeed.SeedAsync(app, Now);

        using var first = await app.Client.GetAsync($"/api/hardware?{Window()}&limit=1", TestContext.Current.CancellationToken);
        var cursor = first.Headers.GetValues("X-Next-Cursor").Single();
        var page = JsonNode.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var next = await app.GetJsonAsync($"/api/hardware?{Window()}&limit=1&cursor={cursor}");

        Assert.Equal(HardwareSeed.Board, (string?)Assert.Single(page!["hardware"]!.AsArray())!["platform"]);
        Assert.Equal(HardwareSeed.Qemu, (string?)Assert.Single(next!["hardware"]!.AsArray())!["platform"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task By_revision_counts_every_status_of_one_checkout(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.GetJsonAsync("/api/hardware-by-revision/?tree_name=mainline&git_repository_branch=master"
            + $"&git_repository_url={Uri.EscapeDataString(HardwareSeed.MainlineUrl)}&git_commit_hash={HardwareSeed.HeadHash}");

        var hardware = json!["hardware"]!.AsArray();
        Assert.Equal(2, hardware.Count);
        Assert.Equal(1, (int)hardware[0]!["build_status_summary"]!["PASS"]!);
        Assert.Equal(2, (int)hardware[0]!["boot_status_summary"]!["PASS"]!);
        Assert.Equal(2, (int)hardware[0]!["test_status_summary"]!["FAIL"]!);
        Assert.Equal(1, (int)hardware[0]!["test_status_summary"]!["SKIP"]!);
        Assert.Equal(0, (int)hardware[0]!["test_status_summary"]!["NULL"]!);
        Assert.Equal(1, (int)hardware[1]!["build_status_summary"]!["FAIL"]!);
    }

    [Fact]
    public async Task By_revision_names_a_missing_parameter()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/api/hardware-by-revision?tree_name=mainline", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("git_repository_url", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Selectors_list_trees_branches_and_revisions_of_the_last_30_days(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.GetJsonAsync("/api/hardware/selectors/");

        var trees = json!["trees"]!.AsArray();
        Assert.Equal(["mainline", "next", "stale"], trees.Select(t => (string)t!["tree_name"]!));
        var branch = Assert.Single(trees[0]!["branches"]!.AsArray());
        Assert.Equal(HardwareSeed.MainlineUrl, (string?)branch!["git_repository_url"]);
        Assert.Equal([HardwareSeed.HeadHash, HardwareSeed.OldHash], branch["revisions"]!.AsArray().Select(r => (string)r!["git_commit_hash"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Selectors_of_a_lab_testing_other_origins_builds_are_the_revisions_it_tested(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.GetJsonAsync("/api/hardware/selectors?origin=ti");

        var tree = Assert.Single(json!["trees"]!.AsArray())!;
        Assert.Equal("mainline", (string?)tree["tree_name"]);
        var revision = Assert.Single(Assert.Single(tree["branches"]!.AsArray())!["revisions"]!.AsArray())!;
        Assert.Equal(HardwareSeed.HeadHash, (string?)revision["git_commit_hash"]);
    }
}
