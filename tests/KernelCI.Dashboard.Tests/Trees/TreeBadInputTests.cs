using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class TreeBadInputTests
{
    private const string Hash = TreeSeed.HeadCommit;

    [Theory]
    [InlineData($"/api/tree/{Hash}/builds?limit=0", "limit:")]
    [InlineData($"/api/tree/{Hash}/builds?limit=ten", "limit:")]
    [InlineData($"/api/tree/{Hash}/tests?sort=colour", "sort:")]
    [InlineData($"/api/tree/{Hash}/boots?cursor=not-a-cursor", "cursor:")]
    [InlineData($"/api/tree/{Hash}/boots?full_environment_misc=maybe", "full_environment_misc:")]
    [InlineData($"/api/tree/{Hash}/builds?filter_build.issue=no-version", "filter_build.issue:")]
    [InlineData($"/api/tree/{Hash}/tests?filter_test.duration_[gte]=long", "filter_test.duration_[gte]:")]
    [InlineData($"/api/tree/{Hash}/commits?start_timestamp_in_seconds=yesterday&end_timestamp_in_seconds=1", "start_timestamp_in_seconds:")]
    [InlineData($"/api/tree/{Hash}/summary?origin=a%00b", "origin:")]
    [InlineData("/api/tree?interval_in_days=40000", "interval_in_days:")]
    [InlineData("/api/tree/mainline/master/commits?limit=-1", "limit:")]
    public async Task Tree_endpoints_refuse_malformed_parameters_with_400_naming_them(string path, string error)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await TreeSeed.SeedAsync(app);

        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]);
    }

    [Theory]
    [InlineData("/api/tree/only-a-name")]
    [InlineData("/api/tree/a//b")]
    public async Task Tree_paths_naming_nothing_are_404(string path)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/tree/mainline/master/compare")]
    [InlineData("/api/tree/mainline/master/compare/builds")]
    public async Task Tree_catch_all_leaves_compare_paths_to_their_own_routes(string path)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await TreeSeed.SeedAsync(app);

        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Not answered as the latest checkout of a branch named "master/compare".
        Assert.DoesNotContain("Tree not found", body, StringComparison.Ordinal);
    }
}
