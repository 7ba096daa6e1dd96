using System.ComponentModel;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using ModelContextProtocol.Server;

namespace KernelCI.KciDev.Mcp;

/// <summary>The builds, boots and tests of one commit, paged for an agent (upstream's `list_builds`, `list_boots`,
/// `list_tests`: kernelci/kci-dev:kcidev/mcp/tools_dashboard.py).</summary>
[McpServerToolType]
internal sealed class ResultTools(DashboardApiClient dashboard)
{
    [McpServerTool(Name = "list_builds", ReadOnly = true, OpenWorld = false)]
    [Description("Kernel builds of one commit of a tree, paged (limit/offset); 'total' counts them all and 'matched' those of the status asked. Build ids work with get_build.")]
    public async Task<JsonNode> ListBuilds(
        [Description("Git repository URL")] string giturl,
        [Description("Branch")] string branch,
        [Description("Full 40-character commit hash")] string commit,
        [Description("KCIDB origin")] string origin = "maestro",
        [Description("Only this architecture, e.g. arm64")] string? arch = null,
        [Description("Only this tree name")] string? tree = null,
        [Description("Only builds started on or after this ISO date")] string? start_date = null,
        [Description("Only builds started on or before this ISO date")] string? end_date = null,
        [Description("pass, fail, inconclusive or all")] string? status = null,
        [Description("Page size")] int limit = Paging.DefaultLimit,
        [Description("Items to skip")] int offset = 0,
        [Description("Only these keys of each build")] string[]? fields = null,
        CancellationToken cancellationToken = default)
    {
        StatusArgument.Parse(status);
        var data = await dashboard.GetAsync(Path(commit, "builds"), Query(giturl, branch, origin, arch, tree, start_date, end_date), cancellationToken);
        return Paging.Page(data, "builds", status, limit, offset, fields);
    }

    [McpServerTool(Name = "list_boots", ReadOnly = true, OpenWorld = false)]
    [Description("Boot results of one commit of a tree, paged (limit/offset); 'total' counts them all and 'matched' those of the status asked. Boot ids work with get_test.")]
    public async Task<JsonNode> ListBoots(
        [Description("Git repository URL")] string giturl,
        [Description("Branch")] string branch,
        [Description("Full 40-character commit hash")] string commit,
        [Description("KCIDB origin")] string origin = "maestro",
        [Description("Only this architecture")] string? arch = null,
        [Description("Only this tree name")] string? tree = null,
        [Description("Only boots started on or after this ISO date")] string? start_date = null,
        [Description("Only boots started on or before this ISO date")] string? end_date = null,
        [Description("Only boots of this test origin")] string? boot_origin = null,
        [Description("pass, fail, inconclusive or all")] string? status = null,
        [Description("Page size")] int limit = Paging.DefaultLimit,
        [Description("Items to skip")] int offset = 0,
        [Description("Only these keys of each boot")] string[]? fields = null,
        CancellationToken cancellationToken = default)
    {
        StatusArgument.Parse(status);
        var query = Query(giturl, branch, origin, arch, tree, start_date, end_date);
        query.Add(new("filter_boot.origin", string.IsNullOrEmpty(boot_origin) ? null : boot_origin));
        var data = await dashboard.GetAsync(Path(commit, "boots"), query, cancellationToken);
        return Paging.Page(data, "boots", status, limit, offset, fields);
    }

    [McpServerTool(Name = "list_tests", ReadOnly = true, OpenWorld = false)]
    [Description("Test results of one commit of a tree, paged (limit/offset); a commit can have tens of thousands, so filter by status and project with fields. Test ids work with get_test and test_history.")]
    public async Task<JsonNode> ListTests(
        [Description("Git repository URL")] string giturl,
        [Description("Branch")] string branch,
        [Description("Full 40-character commit hash")] string commit,
        [Description("KCIDB origin")] string origin = "maestro",
        [Description("Only this architecture")] string? arch = null,
        [Description("Only this tree name")] string? tree = null,
        [Description("Only tests started on or after this ISO date")] string? start_date = null,
        [Description("Only tests started on or before this ISO date")] string? end_date = null,
        [Description("pass, fail, inconclusive or all")] string? status = null,
        [Description("Page size")] int limit = Paging.DefaultLimit,
        [Description("Items to skip")] int offset = 0,
        [Description("Only these keys of each test")] string[]? fields = null,
        CancellationToken cancellationToken = default)
    {
        StatusArgument.Parse(status);
        var data = await dashboard.GetAsync(Path(commit, "tests"), Query(giturl, branch, origin, arch, tree, start_date, end_date), cancellationToken);
        return Paging.Page(data, "tests", status, limit, offset, fields);
    }

    private static string Path(string commit, string kind) => $"tree/{ToolInput.Segment("commit", commit)}/{kind}";

    /// <summary>kci-dev's query of the tree endpoints (kernelci/kci-dev:kcidev/libs/dashboard.py).</summary>
    private static List<KeyValuePair<string, string?>> Query(string giturl, string branch, string origin, string? arch, string? tree,
        string? startDate, string? endDate) =>
    [
        new("origin", origin), new("git_url", ToolInput.Required("giturl", giturl)), new("git_branch", ToolInput.Required("branch", branch)),
        new("filter_architecture", arch), new("filter_tree_name", tree), new("filter_start_date", startDate), new("filter_end_date", endDate),
    ];
}
