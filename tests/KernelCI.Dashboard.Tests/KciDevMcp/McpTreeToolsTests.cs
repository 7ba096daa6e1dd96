using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.Trees;

namespace KernelCI.Dashboard.Tests.KciDevMcp;

/// <summary>The MCP tools over a tree's results (list_trees, get_summary, list_commits, list_builds, list_boots,
/// list_tests, get_build, get_test) against a real dashboard seeded with <see cref="TreeSeed"/>.</summary>
public sealed class McpTreeToolsTests : IAsyncLifetime
{
    private McpDashboard _dashboard = null!;

    private static object Head(object? extra = null)
    {
        var arguments = new JsonObject { ["giturl"] = TreeSeed.MainlineUrl, ["branch"] = "master", ["commit"] = TreeSeed.HeadCommit };
        foreach (var (key, value) in extra is null ? [] : System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject())
        {
            arguments[key] = value?.DeepClone();
        }

        return arguments;
    }

    private static IEnumerable<string> Ids(JsonNode? list) => list!.AsArray().Select(i => (string)i!["id"]!).Order(StringComparer.Ordinal);

    public async ValueTask InitializeAsync() => _dashboard = await McpDashboard.StartAsync(TreeSeed.SeedAsync);

    [Fact]
    public async Task List_trees_gives_each_trees_newest_commit()
    {
        var trees = await _dashboard.Mcp.CallJsonAsync("list_trees", new { days = 7 });

        var mainline = Assert.Single(trees!.AsArray(), t => (string?)t!["tree_name"] == "mainline")!;
        Assert.Equal(TreeSeed.HeadCommit, (string?)mainline["git_commit_hash"]);
        Assert.DoesNotContain(trees.AsArray(), t => (string?)t!["tree_name"] == "old");
    }

    [Fact]
    public async Task Get_summary_is_compact_unless_detail_is_asked()
    {
        var compact = await _dashboard.Mcp.CallJsonAsync("get_summary", Head());
        var detail = await _dashboard.Mcp.CallJsonAsync("get_summary", Head(new { detail = true }));

        Assert.Equal(["boots", "builds", "tests"], compact!["summary"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, (int)compact["summary"]!["builds"]!["status"]!["FAIL"]!);
        Assert.All(compact["summary"]!.AsObject(), section =>
            Assert.Empty(section.Value!.AsObject().Select(p => p.Key).Except(["status", "architectures", "issues", "failed_platforms"])));
        Assert.True(JsonNode.DeepEquals(compact["summary"]!["builds"]!["status"], detail!["summary"]!["builds"]!["status"]));
    }

    [Fact]
    public async Task List_builds_filters_by_status_and_counts_what_it_left_out()
    {
        var page = await _dashboard.Mcp.CallJsonAsync("list_builds", Head(new { status = "fail" }));

        Assert.Equal(["maestro:b-riscv", "maestro:b-x86"], Ids(page!["builds"]));
        Assert.Equal(2, (int)page["matched"]!);
        Assert.True((int)page["total"]! >= 3);
        Assert.Equal(20, (int)page["limit"]!);
    }

    [Fact]
    public async Task List_tests_pages_and_projects_fields()
    {
        var first = await _dashboard.Mcp.CallJsonAsync("list_tests", Head(new { limit = 1, offset = 0, fields = new[] { "id", "status" } }));
        var second = await _dashboard.Mcp.CallJsonAsync("list_tests", Head(new { limit = 1, offset = 1, fields = new[] { "id", "status" } }));

        var test = Assert.Single(first!["tests"]!.AsArray())!;
        Assert.Equal(["id", "status"], test.AsObject().Select(p => p.Key));
        Assert.NotEqual((string?)test["id"], (string?)second!["tests"]![0]!["id"]);
        Assert.Equal((int)first["total"]!, (int)first["matched"]!);
    }

    [Fact]
    public async Task List_boots_of_failed_status_is_the_rpi_boot()
    {
        var page = await _dashboard.Mcp.CallJsonAsync("list_boots", Head(new { status = "fail" }));

        Assert.Equal(["maestro:t-boot-rpi"], Ids(page!["boots"]));
    }

    [Fact]
    public async Task List_commits_has_lower_case_build_counts()
    {
        var commits = await _dashboard.Mcp.CallJsonAsync("list_commits", Head());

        var head = Assert.Single(commits!.AsArray(), c => (string?)c!["git_commit_hash"] == TreeSeed.HeadCommit)!;
        Assert.Equal(2, (int)head["builds"]!["fail"]!);
        Assert.Contains(commits.AsArray(), c => (string?)c!["git_commit_hash"] == TreeSeed.OldCommit);
    }

    [Fact]
    public async Task Get_build_and_get_test_return_one_item()
    {
        var build = await _dashboard.Mcp.CallJsonAsync("get_build", new { build_id = "maestro:b-x86" });
        var test = await _dashboard.Mcp.CallJsonAsync("get_test", new { test_id = "maestro:t-nanosleep" });

        Assert.Equal(("x86_64", "FAIL"), ((string?)build!["architecture"], (string?)build["status"]));
        Assert.Equal(("kselftest.timers.nanosleep", "FAIL"), ((string?)test!["path"], (string?)test["status"]));
    }

    [Fact]
    public async Task An_unknown_build_is_a_tool_error_with_the_dashboards_message()
    {
        var error = await _dashboard.Mcp.CallErrorAsync("get_build", new { build_id = "maestro:nope" });

        Assert.StartsWith("dashboard: ", error);
    }

    public async ValueTask DisposeAsync() => await _dashboard.DisposeAsync();
}
