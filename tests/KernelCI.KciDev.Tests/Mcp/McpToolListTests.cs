using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Mcp;

/// <summary>Which tools `kci-dev mcp` lists: the write tools only with `pipeline` and `token` (kci-dev.md §2.3), so an
/// agent given a configuration without a token can read KernelCI but never start work.</summary>
public sealed class McpToolListTests
{
    private static readonly string[] DashboardTools =
    [
        "list_trees", "get_summary", "list_commits", "list_builds", "list_boots", "list_tests", "get_build", "get_test", "list_hardware",
        "get_hardware_summary", "list_issues", "get_issue", "get_issue_builds", "get_issue_tests", "search", "regressions", "test_history",
    ];

    private static readonly string[] WriteTools = ["retry_job", "trigger_checkout", "trigger_patchset"];

    private readonly StubDashboard _dashboard = new();
    private readonly RecordingServer _pipeline = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_config_only_the_dashboard_tools_are_listed(bool http)
    {
        await using var mcp = await KciDevMcp.StartAsync(_dashboard.Url, _dashboard.Handler, http: http);

        Assert.Equal(DashboardTools.Order(), (await mcp.ToolNamesAsync()).Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_a_token_the_write_tools_are_not_listed(bool http)
    {
        // Given an instance with Maestro and the pipeline, but no token
        await using var mcp = await KciDevMcp.StartAsync(_dashboard.Url, _dashboard.Handler, api: _pipeline.Url, pipeline: _pipeline.Url, http: http);

        var tools = await mcp.ToolNamesAsync();

        Assert.Contains("get_node", tools);
        Assert.Contains("list_nodes", tools);
        Assert.Empty(tools.Intersect(WriteTools));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_pipeline_and_token_the_write_tools_are_listed(bool http)
    {
        await using var mcp = await KciDevMcp.StartAsync(_dashboard.Url, _dashboard.Handler, api: _pipeline.Url, pipeline: _pipeline.Url,
            token: "secret", http: http);

        Assert.Equal(DashboardTools.Concat(["get_node", "list_nodes"]).Concat(WriteTools).Order(), (await mcp.ToolNamesAsync()).Order());
    }

    [Fact]
    public async Task A_token_without_pipeline_lists_no_write_tools()
    {
        await using var mcp = await KciDevMcp.StartAsync(_dashboard.Url, _dashboard.Handler, token: "secret");

        Assert.Empty((await mcp.ToolNamesAsync()).Intersect(WriteTools.Concat(["get_node", "list_nodes"])));
    }

    [Fact]
    public async Task Write_tools_are_marked_not_read_only_and_read_tools_read_only()
    {
        await using var mcp = await KciDevMcp.StartAsync(_dashboard.Url, _dashboard.Handler, api: _pipeline.Url, pipeline: _pipeline.Url, token: "secret");

        var tools = await mcp.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(tools, t => Assert.Equal(!WriteTools.Contains(t.Name), t.ProtocolTool.Annotations?.ReadOnlyHint));
        Assert.All(tools.Where(t => WriteTools.Contains(t.Name)), t => Assert.False(t.ProtocolTool.Annotations?.DestructiveHint));
    }
}
