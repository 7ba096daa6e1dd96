using System.ComponentModel;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using ModelContextProtocol.Server;

namespace KernelCI.KciDev.Mcp;

/// <summary>One build or one test by its dashboard id (upstream's `get_build`, `get_test`).</summary>
[McpServerToolType]
internal sealed class DetailTools(DashboardApiClient dashboard)
{
    [McpServerTool(Name = "get_build", ReadOnly = true, OpenWorld = false)]
    [Description("One build by its dashboard id ('maestro:<hex>'): config, architecture, compiler, status, log and config URLs.")]
    public Task<JsonNode> GetBuild([Description("Dashboard build id")] string build_id, CancellationToken cancellationToken = default) =>
        dashboard.GetAsync("build/" + ToolInput.Segment("build_id", build_id), null, cancellationToken);

    [McpServerTool(Name = "get_test", ReadOnly = true, OpenWorld = false)]
    [Description("One test or boot by its dashboard id ('maestro:<hex>'): status, path, platform, log URL, environment and misc data.")]
    public Task<JsonNode> GetTest([Description("Dashboard test id")] string test_id, CancellationToken cancellationToken = default) =>
        dashboard.GetAsync("test/" + ToolInput.Segment("test_id", test_id), null, cancellationToken);
}
