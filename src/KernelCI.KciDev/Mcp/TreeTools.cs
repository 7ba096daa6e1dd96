using System.ComponentModel;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using ModelContextProtocol.Server;

namespace KernelCI.KciDev.Mcp;

/// <summary>Trees, summaries and commit histories from the dashboard API, as upstream's tools of the same names
/// (kernelci/kci-dev:kcidev/mcp/tools_dashboard.py).</summary>
[McpServerToolType]
internal sealed class TreeTools(DashboardApiClient dashboard)
{
    private static readonly string[] CompactSummaryKeys = ["status", "architectures", "issues", "failed_platforms"];

    [McpServerTool(Name = "list_trees", ReadOnly = true, OpenWorld = false)]
    [Description("List the kernel trees with results in the last `days` days, with their git URL, branch and newest commit. Start here to find giturl, branch and commit values for the other tools.")]
    public Task<JsonNode> ListTrees(
        [Description("KCIDB origin")] string origin = "maestro",
        [Description("How many days back")] int days = 7,
        CancellationToken cancellationToken = default) =>
        dashboard.GetAsync("tree", [new("origin", origin), new("interval_in_days", ToolInput.Text(ToolInput.Positive("days", days, 3650)))], cancellationToken);

    [McpServerTool(Name = "get_summary", ReadOnly = true, OpenWorld = false)]
    [Description("Build, boot and test counts of one commit of a tree. Compact by default; detail=true returns the dashboard's whole summary (much larger).")]
    public async Task<JsonNode> GetSummary(
        [Description("Git repository URL, as list_trees gives it")] string giturl,
        [Description("Branch")] string branch,
        [Description("Full 40-character commit hash")] string commit,
        [Description("KCIDB origin")] string origin = "maestro",
        [Description("Only this architecture, e.g. arm64")] string? arch = null,
        [Description("Return the full summary")] bool detail = false,
        CancellationToken cancellationToken = default)
    {
        var data = await dashboard.GetAsync($"tree/{ToolInput.Segment("commit", commit)}/summary",
            [new("origin", origin), new("git_url", ToolInput.Required("giturl", giturl)), new("git_branch", ToolInput.Required("branch", branch)),
             new("filter_architecture", arch)], cancellationToken);
        if (detail || data is not JsonObject { } whole || whole["summary"] is not JsonObject summary)
        {
            return data;
        }

        var compact = new JsonObject();
        foreach (var (section, counts) in summary)
        {
            if (counts is JsonObject sectionCounts)
            {
                compact[section] = new JsonObject(sectionCounts.Where(c => CompactSummaryKeys.Contains(c.Key))
                    .Select(c => KeyValuePair.Create(c.Key, c.Value?.DeepClone())));
            }
        }

        return new JsonObject { ["common"] = whole["common"]?.DeepClone(), ["summary"] = compact };
    }

    [McpServerTool(Name = "list_commits", ReadOnly = true, OpenWorld = false)]
    [Description("The checkouts of a tree up to a commit, each with its build, boot and test counts: to compare results across commits. The commit must be the full hash of a checkout the dashboard has, e.g. from list_trees.")]
    public async Task<JsonNode> ListCommits(
        [Description("Git repository URL")] string giturl,
        [Description("Branch")] string branch,
        [Description("Full 40-character commit hash of an ingested checkout")] string commit,
        [Description("KCIDB origin")] string origin = "maestro",
        CancellationToken cancellationToken = default)
    {
        var data = await dashboard.GetAsync($"tree/{ToolInput.Segment("commit", commit)}/commits",
            [new("origin", origin), new("git_url", ToolInput.Required("giturl", giturl)), new("git_branch", ToolInput.Required("branch", branch))],
            cancellationToken);
        // Upstream lower-cases the build counts' keys so builds, boots and tests read alike.
        var commits = (data as JsonObject)?["commits"] as JsonArray ?? data as JsonArray ?? [];
        foreach (var entry in commits.OfType<JsonObject>())
        {
            if (entry["builds"] is JsonObject builds)
            {
                entry["builds"] = new JsonObject(builds.Select(b => KeyValuePair.Create(b.Key.ToLowerInvariant(), b.Value?.DeepClone())));
            }
        }

        return commits;
    }
}
