using System.ComponentModel;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using ModelContextProtocol.Server;

namespace KernelCI.KciDev.Mcp;

/// <summary>Our dashboard API's search (docs/dashboard-api.md, "Search"); upstream has neither the endpoint nor the tool.</summary>
[McpServerToolType]
internal sealed class SearchTools(DashboardApiClient dashboard)
{
    [McpServerTool(Name = "search", ReadOnly = true, OpenWorld = false)]
    [Description("Find checkouts (by commit hash, tag or git describe), builds, tests and issues (by id, or Maestro node id), trees (by name) and test paths (by prefix) in one call. Each hit has kind, id, title, url and what matched.")]
    public Task<JsonNode> Search(
        [Description("What to look for: a hash, tag, id, tree name or test path prefix")] string q,
        [Description("Hits to return, 1-100")] int limit = 20,
        CancellationToken cancellationToken = default) =>
        dashboard.GetAsync("search", [new("q", ToolInput.Required("q", q)), new("limit", ToolInput.Text(ToolInput.Positive("limit", limit, 100)))],
            cancellationToken);
}
