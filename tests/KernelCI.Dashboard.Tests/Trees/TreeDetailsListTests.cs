using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class TreeDetailsListTests
{
    private static readonly string HeadQuery = $"origin=maestro&git_url={Uri.EscapeDataString(TreeSeed.MainlineUrl)}&git_branch=master";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_lists_the_checkouts_builds_without_dummies(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var builds = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/builds?{HeadQuery}"))!["builds"]!.AsArray();

        Assert.Equal(["maestro:b-arm64", "maestro:b-riscv", "maestro:b-x86"], builds.Select(b => (string?)b!["id"]).Order());
        var x86 = builds.Single(b => (string?)b!["id"] == "maestro:b-x86")!;
        Assert.Equal("x86_64", (string?)x86["architecture"]);
        Assert.Equal("clang-17", (string?)x86["compiler"]);
        Assert.Equal("x86_64_defconfig", (string?)x86["config_name"]);
        Assert.Equal("FAIL", (string?)x86["status"]);
        Assert.Equal(120.5, (double)x86["duration"]!);
        Assert.Equal("https://storage.example/b-x86/build.log.gz", (string?)x86["log_url"]);
        Assert.Equal("https://storage.example/b-x86/.config", (string?)x86["config_url"]);
        Assert.Equal(TreeSeed.MainlineUrl, (string?)x86["git_repository_url"]);
        Assert.Equal("master", (string?)x86["git_repository_branch"]);
        Assert.Equal(TreeSeed.Time(TreeSeed.HeadStart), (string?)x86["start_time"]);
        Assert.Equal("maestro", (string?)x86["origin"]);
        Assert.True(x86.AsObject().ContainsKey("misc"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_filtered_by_status_and_issue(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var failed = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/builds?{HeadQuery}&filter_build.status=FAIL"))!["builds"]!.AsArray();
        var withIssue = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/builds?{HeadQuery}&filter_build.issue=maestro:issue-build,1"))!["builds"]!.AsArray();
        var uncategorized = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/builds?{HeadQuery}&filter_build.issue=Uncategorized"))!["builds"]!.AsArray();

        Assert.Equal(["maestro:b-riscv", "maestro:b-x86"], failed.Select(b => (string?)b!["id"]).Order());
        Assert.Equal(["maestro:b-x86"], withIssue.Select(b => (string?)b!["id"]));
        Assert.Equal(["maestro:b-riscv"], uncategorized.Select(b => (string?)b!["id"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Boots_lists_the_boots_with_upstreams_fields(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var boots = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/boots?{HeadQuery}"))!["boots"]!.AsArray();

        Assert.Equal(["maestro:t-boot-rock", "maestro:t-boot-rpi"], boots.Select(b => (string?)b!["id"]).Order());
        var rpi = boots.Single(b => (string?)b!["id"] == "maestro:t-boot-rpi")!;
        Assert.Equal("boot", (string?)rpi["path"]);
        Assert.Equal("FAIL", (string?)rpi["status"]);
        Assert.Equal(30, (double)rpi["duration"]!);
        Assert.Equal("defconfig", (string?)rpi["config"]);
        Assert.Equal("arm64", (string?)rpi["architecture"]);
        Assert.Equal("gcc-12", (string?)rpi["compiler"]);
        Assert.Equal("lava-broonie", (string?)rpi["lab"]);
        Assert.Equal("bcm2711-rpi-4-b", (string?)rpi["environment_misc"]!["platform"]);
        Assert.Equal(TreeSeed.RpiCompatibles, rpi["environment_compatible"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("https://storage.example/t-boot-rpi/log.txt.gz", (string?)rpi["log_url"]);
        Assert.Equal(TreeSeed.Time(TreeSeed.HeadStart.AddHours(1)), (string?)rpi["start_time"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_lists_every_test_with_environment_compatible_present_even_when_null(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var tests = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/tests?{HeadQuery}"))!["tests"]!.AsArray();

        Assert.Equal(["maestro:t-login", "maestro:t-nanosleep", "maestro:t-posix", "microsoft:t-kunit"], tests.Select(t => (string?)t!["id"]).Order());
        var kunit = tests.Single(t => (string?)t!["id"] == "microsoft:t-kunit")!.AsObject();
        Assert.True(kunit.ContainsKey("environment_compatible"));
        Assert.Null(kunit["environment_compatible"]);
        Assert.Equal("Unknown", (string?)kunit["config"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_filtered_by_path_platform_and_origin(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var timers = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/tests?{HeadQuery}&filter_test.path=timers"))!["tests"]!.AsArray();
        var rpi = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/tests?{HeadQuery}&filter_test.platform=bcm2711-rpi-4-b"))!["tests"]!.AsArray();
        var microsoft = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/tests?{HeadQuery}&filter_test.origin=microsoft"))!["tests"]!.AsArray();

        Assert.Equal(["maestro:t-nanosleep", "maestro:t-posix"], timers.Select(t => (string?)t!["id"]).Order());
        Assert.Equal(["maestro:t-posix"], rpi.Select(t => (string?)t!["id"]));
        Assert.Equal(["microsoft:t-kunit"], microsoft.Select(t => (string?)t!["id"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Boots_with_full_environment_misc_keep_every_field(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var boots = (await app.GetJsonAsync($"/api/tree/mainline/master/{TreeSeed.HeadCommit}/boots?full_environment_misc=true"))!["boots"]!.AsArray();

        Assert.All(boots, b => Assert.NotNull(b!["environment_misc"]!["platform"]));
        Assert.Equal(2, boots.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_page_by_start_time_with_a_cursor(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        using var first = await app.Client.GetAsync($"/api/tree/{TreeSeed.HeadCommit}/tests?{HeadQuery}&limit=3&sort=-start_time", TestContext.Current.CancellationToken);
        var cursor = first.Headers.GetValues("X-Next-Cursor").Single();
        var firstPage = JsonNode.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["tests"]!.AsArray();
        var second = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/tests?{HeadQuery}&limit=3&sort=-start_time&cursor={cursor}"))!["tests"]!.AsArray();

        Assert.Equal(["maestro:t-posix", "maestro:t-nanosleep", "maestro:t-login"], firstPage.Select(t => (string?)t!["id"]));
        Assert.Equal(["microsoft:t-kunit"], second.Select(t => (string?)t!["id"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Full_answers_summary_and_every_list_together(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var full = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/full?{HeadQuery}"))!;

        Assert.Equal(3, full["builds"]!.AsArray().Count);
        Assert.Equal(2, full["boots"]!.AsArray().Count);
        Assert.Equal(4, full["tests"]!.AsArray().Count);
        TreeSummaryTests.AssertCounts(full["summary"]!["builds"]!["status"], pass: 1, fail: 2);
        Assert.NotNull(full["common"]);
        Assert.NotNull(full["filters"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_of_an_unknown_commit_answer_upstreams_error_with_200(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);

        var answer = await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/builds?{HeadQuery}");

        Assert.Equal("No results available for this tree/branch/commit", (string?)answer!["error"]);
    }
}
