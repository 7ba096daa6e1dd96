using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class TreeCommitsTests
{
    private static readonly string HeadQuery = $"origin=maestro&git_url={Uri.EscapeDataString(TreeSeed.MainlineUrl)}&git_branch=master";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commits_counts_the_commit_and_the_ones_before_it(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var commits = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/commits?{HeadQuery}"))!.AsArray();

        Assert.Equal([TreeSeed.HeadCommit, TreeSeed.OldCommit], commits.Select(c => (string?)c!["git_commit_hash"]));
        var head = commits[0]!;
        Assert.Equal(TreeSeed.HeadTag, (string?)head["git_commit_name"]);
        Assert.Equal([TreeSeed.HeadTag], head["git_commit_tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(TreeSeed.Time(TreeSeed.HeadStart), (string?)head["earliest_start_time"]);
        TreeSummaryTests.AssertCounts(head["builds"], pass: 1, fail: 2);
        AssertLower(head["boots"], pass: 1, fail: 1, skip: 0);
        AssertLower(head["tests"], pass: 2, fail: 1, skip: 1);
        AssertLower(commits[1]!["tests"], pass: 0, fail: 1, skip: 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commits_from_an_older_commit_leave_the_newer_ones_out(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var commits = (await app.GetJsonAsync($"/api/tree/mainline/master/{TreeSeed.OldCommit}/commits"))!.AsArray();

        Assert.Equal([TreeSeed.OldCommit], commits.Select(c => (string?)c!["git_commit_hash"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commits_apply_the_filters_and_types(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var arm = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/commits?{HeadQuery}&filter_architecture=arm64"))!.AsArray();
        var buildsOnly = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/commits?{HeadQuery}&types=builds"))!.AsArray();

        TreeSummaryTests.AssertCounts(arm[0]!["builds"], pass: 1, fail: 0);
        AssertLower(arm[0]!["tests"], pass: 1, fail: 1, skip: 1);
        TreeSummaryTests.AssertCounts(buildsOnly[0]!["builds"], pass: 1, fail: 2);
        AssertLower(buildsOnly[0]!["tests"], pass: 0, fail: 0, skip: 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commits_within_a_period_leave_the_others_out(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);
        var start = TreeSeed.HeadStart.AddHours(-1).ToUnixTimeSeconds();
        var end = TreeSeed.HeadStart.AddHours(1).ToUnixTimeSeconds();

        var commits = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadCommit}/commits?{HeadQuery}&start_timestamp_in_seconds={start}&end_timestamp_in_seconds={end}"))!.AsArray();

        Assert.Equal([TreeSeed.HeadCommit], commits.Select(c => (string?)c!["git_commit_hash"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commits_take_a_tag_for_the_commit(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var commits = (await app.GetJsonAsync($"/api/tree/{TreeSeed.HeadTag}/commits?{HeadQuery}"))!.AsArray();

        Assert.Equal([TreeSeed.HeadCommit, TreeSeed.OldCommit], commits.Select(c => (string?)c!["git_commit_hash"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commits_history_counts_the_given_commits_in_their_order(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var commits = (await app.GetJsonAsync($"/api/tree/commits-history?{HeadQuery}&commit_hashes={TreeSeed.OldCommit},{TreeSeed.HeadCommit},{new string('9', 40)}"))!.AsArray();

        Assert.Equal([TreeSeed.OldCommit, TreeSeed.HeadCommit, new string('9', 40)], commits.Select(c => (string?)c!["git_commit_hash"]));
        TreeSummaryTests.AssertCounts(commits[1]!["builds"], pass: 1, fail: 2);
        AssertLower(commits[0]!["boots"], pass: 1, fail: 0, skip: 0);
        Assert.Equal("", (string?)commits[2]!["git_commit_name"]);
        TreeSummaryTests.AssertCounts(commits[2]!["builds"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commits_history_of_unknown_commits_answers_upstreams_error_with_200(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var answer = await app.GetJsonAsync($"/api/tree/commits-history?{HeadQuery}&commit_hashes=abc");

        Assert.Equal("History of tree commits not found", (string?)answer!["error"]);
    }

    [Theory]
    [InlineData("", "commit_hashes query parameter is required")]
    [InlineData("&types=builds,links", "types:")]
    public async Task Commits_history_refuses_bad_parameters(string parameters, string error)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var hashes = parameters.Length == 0 ? "" : "&commit_hashes=abc";
        using var response = await app.Client.GetAsync($"/api/tree/commits-history?origin=maestro{hashes}{parameters}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]);
    }

    [Fact]
    public async Task Commits_history_refuses_more_than_a_thousand_hashes_naming_the_parameter()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var hashes = string.Join(',', Enumerable.Range(0, 1001).Select(i => i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture)));
        using var response = await app.Client.GetAsync($"/api/tree/commits-history?commit_hashes={hashes}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("commit_hashes:", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]);
    }

    private static void AssertLower(JsonNode? counts, long pass, long fail, long skip)
    {
        Assert.Equal(pass, (long)counts!["pass"]!);
        Assert.Equal(fail, (long)counts["fail"]!);
        Assert.Equal(skip, (long)counts["skip"]!);
        foreach (var key in new[] { "error", "miss", "done", "null" })
        {
            Assert.Equal(0, (long)counts[key]!);
        }
    }
}
