using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class TreeSummaryTests
{
    private static readonly string HeadQuery = $"origin=maestro&git_url={Uri.EscapeDataString(TreeSeed.MainlineUrl)}&git_branch=master";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_counts_every_status_of_builds_boots_and_tests(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var summary = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/summary?{HeadQuery}"))!["summary"]!;

        AssertCounts(summary["builds"]!["status"], pass: 1, fail: 2);
        AssertCounts(summary["boots"]!["status"], pass: 1, fail: 1);
        AssertCounts(summary["tests"]!["status"], pass: 2, fail: 1, skip: 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_breaks_down_by_origin_architecture_config_lab_and_hardware(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var answer = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/summary?{HeadQuery}"))!;
        var builds = answer["summary"]!["builds"]!;
        var tests = answer["summary"]!["tests"]!;
        var boots = answer["summary"]!["boots"]!;

        Assert.Equal(["arm64", "riscv", "x86_64"], builds["architectures"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["clang-17"], builds["architectures"]!["x86_64"]!["compilers"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(2, (long)builds["configs"]!["defconfig"]!["FAIL"]! + (long)builds["configs"]!["defconfig"]!["PASS"]!);
        Assert.Equal(1, (long)builds["labs"]!["k8s-arm"]!["PASS"]!);
        Assert.Equal(3, (long)tests["origins"]!["maestro"]!["PASS"]! + (long)tests["origins"]!["maestro"]!["FAIL"]! + (long)tests["origins"]!["maestro"]!["SKIP"]!);
        Assert.Equal(1, (long)tests["origins"]!["microsoft"]!["PASS"]!);
        Assert.Equal(1, (long)boots["labs"]!["lava-broonie"]!["FAIL"]!);
        Assert.Equal(1, (long)boots["environment_compatible"]!["raspberrypi,4-model-b"]!["FAIL"]!);
        Assert.Equal(1, (long)tests["environment_misc"]!["qemu-x86"]!["PASS"]!);
        Assert.Equal(["bcm2711-rpi-4-b"], boots["failed_platforms"]!.AsArray().Select(p => (string?)p));
        Assert.Contains(tests["architectures"]!.AsArray(), a => (string?)a!["arch"] == "arm64" && (string?)a["compiler"] == "gcc-12" && (long)a["status"]!["FAIL"]! == 1);
        Assert.Equal(["qemu-x86", "radxa,rock-pi-4b", "raspberrypi,4-model-b"], answer["common"]!["hardware"]!.AsArray().Select(h => (string?)h));
        Assert.Equal(TreeSeed.MainlineUrl, (string?)answer["common"]!["tree_url"]);
        Assert.Equal([TreeSeed.HeadTag], answer["common"]!["git_commit_tags"]!.AsArray().Select(t => (string?)t));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_lists_the_issues_and_counts_failures_without_one(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var summary = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/summary?{HeadQuery}"))!["summary"]!;

        var buildIssue = summary["builds"]!["issues"]!.AsArray().Single()!;
        Assert.Equal("maestro:issue-build", (string?)buildIssue["id"]);
        Assert.Equal(1, (long)buildIssue["version"]!);
        Assert.Equal("x86_64 build breaks in drivers/gpu", (string?)buildIssue["comment"]);
        Assert.Equal(1, (long)buildIssue["incidents_info"]!["FAIL"]!);
        Assert.Equal(1, (long)summary["builds"]!["unknown_issues"]!);
        Assert.Equal("maestro:issue-boot", (string?)summary["boots"]!["issues"]!.AsArray().Single()!["id"]);
        Assert.Equal(0, (long)summary["boots"]!["unknown_issues"]!);
        Assert.Empty(summary["tests"]!["issues"]!.AsArray());
        Assert.Equal(1, (long)summary["tests"]!["unknown_issues"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_offers_the_unfiltered_values_as_filters(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var filters = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/summary?{HeadQuery}&filter_architecture=arm64"))!["filters"]!;

        Assert.Equal(["Unknown", "arm64", "riscv", "x86_64"], filters["all"]!["architectures"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["Unknown", "clang-17", "gcc-12"], filters["all"]!["compilers"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("maestro:issue-build", (string?)filters["builds"]!["issues"]![0]![0]);
        Assert.True((bool)filters["builds"]!["has_unknown_issue"]!);
        Assert.Equal(["maestro", "microsoft"], filters["tests"]!["origins"]!.AsArray().Select(o => (string?)o));
        Assert.Equal(["lava-broonie", "lava-collabora"], filters["boots"]!["labs"]!.AsArray().Select(o => (string?)o));
        Assert.True((bool)filters["tests"]!["has_unknown_issue"]!);
        Assert.False((bool)filters["boots"]!["has_unknown_issue"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_applies_the_architecture_and_status_filters(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var summary = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/summary?{HeadQuery}&filter_architecture=arm64&filter_test.status=FAIL"))!["summary"]!;

        AssertCounts(summary["builds"]!["status"], pass: 1, fail: 0);
        AssertCounts(summary["boots"]!["status"], pass: 1, fail: 1);
        AssertCounts(summary["tests"]!["status"], pass: 0, fail: 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_with_a_path_filter_reads_the_tests_themselves(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var summary = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/summary?{HeadQuery}&filter_test.path=timers.nano"))!["summary"]!;

        AssertCounts(summary["tests"]!["status"], pass: 0, fail: 1);
        Assert.Equal(1, (long)summary["tests"]!["unknown_issues"]!);
        AssertCounts(summary["boots"]!["status"], pass: 1, fail: 1);
        Assert.Equal("maestro:issue-boot", (string?)summary["boots"]!["issues"]!.AsArray().Single()!["id"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_filtered_by_a_boot_issue_counts_its_boots_only(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var summary = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/summary?{HeadQuery}&filter_boot.issue=maestro:issue-boot,1"))!["summary"]!;

        AssertCounts(summary["boots"]!["status"], pass: 0, fail: 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_takes_a_tag_for_the_commit(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var summary = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadTag}/summary?{HeadQuery}"))!["summary"]!;

        AssertCounts(summary["builds"]!["status"], pass: 1, fail: 2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_by_tree_name_and_branch_matches_the_hash_form(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var direct = await app.GetJsonAsync($"/api/tree/mainline/master/{TreeSeed.HeadCommit}/summary");
        var byHash = await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/summary?{HeadQuery}");

        Assert.Equal(byHash!.ToJsonString(), direct!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_of_a_branch_with_a_slash(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var summary = (await app.GetJsonAsync($"/api/tree/next/{TreeSeed.NextBranch}/{TreeSeed.NextCommit}/summary"))!["summary"]!;

        AssertCounts(summary["builds"]!["status"], pass: 1, fail: 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_of_an_unknown_commit_answers_upstreams_error_with_200(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var answer = await app.GetJsonAsync($"/api/tree/{new string('9', 40)}/summary?{HeadQuery}");

        Assert.Equal("No results available for this tree/branch/commit", (string?)answer!["error"]);
    }

    [Fact]
    public async Task Summary_refuses_an_unknown_filter_operator_naming_it()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await TreeSeed.SeedAsync(app);

        using var response = await app.Client.GetAsync($"/api/tree/{TreeSeed.HeadCommit}/summary?{HeadQuery}&filter_duration_[between]=3",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.StartsWith("filter_duration_[between]:", (string?)body["error"]);
    }

    internal static void AssertCounts(JsonNode? counts, long pass = 0, long fail = 0, long skip = 0, long error = 0, long miss = 0, long done = 0, long none = 0)
    {
        Assert.Equal(pass, (long)counts!["PASS"]!);
        Assert.Equal(fail, (long)counts["FAIL"]!);
        Assert.Equal(skip, (long)counts["SKIP"]!);
        Assert.Equal(error, (long)counts["ERROR"]!);
        Assert.Equal(miss, (long)counts["MISS"]!);
        Assert.Equal(done, (long)counts["DONE"]!);
        Assert.Equal(none, (long)counts["NULL"]!);
    }
}
