using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class TreeLatestTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Latest_names_the_newest_checkout_of_a_branch_and_its_api_url(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var latest = (await app.GetJsonAsync("/api/tree/mainline/master"))!;

        Assert.Equal(TreeSeed.HeadCommit, (string?)latest["git_commit_hash"]);
        Assert.Equal(TreeSeed.HeadTag, (string?)latest["git_commit_name"]);
        Assert.Equal(TreeSeed.MainlineUrl, (string?)latest["git_repository_url"]);
        Assert.Equal("mainline", (string?)latest["tree_name"]);
        Assert.Equal("master", (string?)latest["git_repository_branch"]);
        Assert.Equal("maestro", (string?)latest["origin"]);
        Assert.Equal($"/api/tree/mainline/master/{TreeSeed.HeadCommit}/full?origin=maestro", (string?)latest["api_url"]);
        Assert.StartsWith($"/api/tree/{TreeSeed.HeadCommit}/full?origin=maestro&git_url=https%3A%2F%2F", (string?)latest["old_api_url"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Latest_of_a_branch_with_a_slash_and_a_given_commit(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var next = (await app.GetJsonAsync($"/api/tree/next/{TreeSeed.NextBranch}/"))!;
        var old = (await app.GetJsonAsync($"/api/tree/mainline/master?commit_hash={TreeSeed.OldCommit}"))!;

        Assert.Equal(TreeSeed.NextCommit, (string?)next["git_commit_hash"]);
        Assert.Equal(TreeSeed.NextBranch, (string?)next["git_repository_branch"]);
        Assert.Equal(TreeSeed.OldCommit, (string?)old["git_commit_hash"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Latest_of_an_unknown_tree_answers_upstreams_error_and_parameters_with_200(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var answer = (await app.GetJsonAsync("/api/tree/nosuchtree/master"))!;

        Assert.Equal("Tree not found. No origin was provided so it was defaulted to maestro", (string?)answer["error"]);
        Assert.Equal("nosuchtree", (string?)answer["params"]!["tree_name"]);
        Assert.Equal("master", (string?)answer["params"]!["git_branch"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commits_of_a_branch_list_each_commit_newest_first(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var commits = (await app.GetJsonAsync("/api/tree/mainline/master/commits?origin=maestro"))!.AsArray();

        Assert.Equal([TreeSeed.HeadCommit, TreeSeed.OldCommit], commits.Select(c => (string?)c!["git_commit_hash"]));
        Assert.Equal(TreeSeed.Time(TreeSeed.HeadStart), (string?)commits[0]!["last_checkout"]);
        Assert.Equal([TreeSeed.HeadTag], commits[0]!["git_commit_tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("v6.98-rc1", (string?)commits[1]!["git_commit_name"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commits_of_an_unknown_branch_answer_upstreams_error_with_200(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var answer = await app.GetJsonAsync("/api/tree/mainline/nobranch/commits");

        Assert.Equal("History of tree commits not found", (string?)answer!["error"]);
    }
}
