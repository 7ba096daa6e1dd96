using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class TreeListingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_listing_shows_the_newest_checkout_of_each_tree_of_maestro_in_the_last_week(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var trees = (await app.GetJsonAsync("/api/tree"))!.AsArray();

        Assert.Equal(["mainline/master", "next/pending-fixes/sub"], trees.Select(t => $"{t!["tree_name"]}/{t["git_repository_branch"]}"));
        var mainline = trees[0]!;
        Assert.Equal("maestro:ck-head", (string?)mainline["id"]);
        Assert.Equal(TreeSeed.HeadCommit, (string?)mainline["git_commit_hash"]);
        Assert.Equal(TreeSeed.HeadTag, (string?)mainline["git_commit_name"]);
        Assert.Equal(TreeSeed.MainlineUrl, (string?)mainline["git_repository_url"]);
        Assert.Equal("maestro", (string?)mainline["origin"]);
        Assert.Equal([TreeSeed.HeadTag], mainline["git_commit_tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(TreeSeed.Time(TreeSeed.HeadStart), (string?)mainline["start_time"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_listing_counts_boots_apart_from_tests_and_leaves_dummy_builds_out(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var mainline = (await app.GetJsonAsync("/api/tree/"))!.AsArray()[0]!;

        AssertGrouped(mainline["build_status"], pass: 1, fail: 2, inconclusive: 0);
        AssertGrouped(mainline["boot_status"], pass: 1, fail: 1, inconclusive: 0);
        AssertGrouped(mainline["test_status"], pass: 2, fail: 1, inconclusive: 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_listing_reads_the_given_origin_and_interval(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var microsoft = (await app.GetJsonAsync("/api/tree?origin=microsoft"))!.AsArray();
        var month = (await app.GetJsonAsync("/api/tree?interval_in_days=30"))!.AsArray();

        Assert.Equal(["stable"], microsoft.Select(t => (string?)t!["tree_name"]));
        Assert.Equal(["mainline", "next", "old"], month.Select(t => (string?)t!["tree_name"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_listing_without_trees_answers_upstreams_error_with_200(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);

        var answer = await app.GetJsonAsync("/api/tree?origin=nobody");

        Assert.Equal("No trees were found", (string?)answer!["error"]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("99999999999")]
    [InlineData("1e3")]
    public async Task Tree_listing_refuses_a_bad_interval_naming_it(string interval)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync($"/api/tree?interval_in_days={interval}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.StartsWith("interval_in_days:", (string?)body["error"]);
    }

    [Fact]
    public async Task Tree_listing_pages_with_limit_and_cursor()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await TreeSeed.SeedAsync(app);

        using var first = await app.Client.GetAsync("/api/tree?interval_in_days=30&limit=2&sort=tree_name", TestContext.Current.CancellationToken);
        var cursor = first.Headers.GetValues("X-Next-Cursor").Single();
        var second = (await app.GetJsonAsync($"/api/tree?interval_in_days=30&limit=2&sort=tree_name&cursor={cursor}"))!.AsArray();

        var firstPage = JsonNode.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal(["mainline", "next"], firstPage.Select(t => (string?)t!["tree_name"]));
        Assert.Equal(["old"], second.Select(t => (string?)t!["tree_name"]));
    }

    internal static void AssertGrouped(JsonNode? counts, long pass, long fail, long inconclusive)
    {
        Assert.Equal(pass, (long)counts!["PASS"]!);
        Assert.Equal(fail, (long)counts["FAIL"]!);
        Assert.Equal(inconclusive, (long)counts["INCONCLUSIVE"]!);
    }
}
