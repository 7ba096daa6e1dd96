using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.Hardware;
using KernelCI.Dashboard.Tests.Trees;

namespace KernelCI.Dashboard.Tests.KciDevMcp;

/// <summary>The issue and hardware tools against a real dashboard seeded with <see cref="TreeSeed"/> and
/// <see cref="HardwareSeed"/>.</summary>
public sealed class McpIssueToolsTests : IAsyncLifetime
{
    private McpDashboard _dashboard = null!;

    private static IEnumerable<string> Ids(JsonNode? list) => list!.AsArray().Select(i => (string)i!["id"]!).Order(StringComparer.Ordinal);

    public async ValueTask InitializeAsync() => _dashboard = await McpDashboard.StartAsync(TreeSeed.SeedAsync);

    [Fact]
    public async Task List_issues_has_both_seeded_issues()
    {
        var issues = await _dashboard.Mcp.CallJsonAsync("list_issues");

        Assert.Equal(["maestro:issue-boot", "maestro:issue-build"], Ids(issues!["issues"]));
    }

    [Fact]
    public async Task Get_issue_gives_its_comment()
    {
        var issue = await _dashboard.Mcp.CallJsonAsync("get_issue", new { issue_id = "maestro:issue-build" });

        Assert.Equal("x86_64 build breaks in drivers/gpu", (string?)issue!["comment"]);
    }

    [Fact]
    public async Task Get_issue_builds_and_tests_are_what_the_incidents_name()
    {
        var builds = await _dashboard.Mcp.CallJsonAsync("get_issue_builds", new { issue_id = "maestro:issue-build" });
        var tests = await _dashboard.Mcp.CallJsonAsync("get_issue_tests", new { issue_id = "maestro:issue-boot" });

        Assert.Equal(["maestro:b-x86"], Ids(builds!["builds"]));
        Assert.Equal(["maestro:t-boot-rpi"], Ids(tests!["tests"]));
    }

    [Fact]
    public async Task Hardware_list_and_summary_cover_the_last_week()
    {
        await HardwareSeed.SeedAsync(_dashboard.App, DateTimeOffset.UtcNow);

        var list = await _dashboard.Mcp.CallJsonAsync("list_hardware");
        var summary = await _dashboard.Mcp.CallJsonAsync("get_hardware_summary", new { name = HardwareSeed.Compatible });

        Assert.Contains(HardwareSeed.Compatible, list!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(summary!["summary"]);
    }

    public async ValueTask DisposeAsync() => await _dashboard.DisposeAsync();
}
