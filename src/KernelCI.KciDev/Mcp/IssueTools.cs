using System.ComponentModel;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using ModelContextProtocol.Server;

namespace KernelCI.KciDev.Mcp;

/// <summary>Known issues (recognised failure patterns) and what they affect, as upstream's `list_issues`, `get_issue`,
/// `get_issue_builds` and `get_issue_tests` (kernelci/kci-dev:kcidev/mcp/tools_dashboard.py).</summary>
[McpServerToolType]
internal sealed class IssueTools(DashboardApiClient dashboard)
{
    [McpServerTool(Name = "list_issues", ReadOnly = true, OpenWorld = false)]
    [Description("Known issues seen in the last `days` days. Issue ids work with get_issue, get_issue_builds and get_issue_tests.")]
    public Task<JsonNode> ListIssues(
        [Description("KCIDB origin")] string origin = "maestro",
        [Description("How many days back")] int days = 7,
        CancellationToken cancellationToken = default) =>
        dashboard.GetAsync("issue/", [new("interval_in_days", ToolInput.Text(ToolInput.Positive("days", days, 3650))),
            new("filter_origin", string.IsNullOrEmpty(origin) ? null : origin)], cancellationToken);

    [McpServerTool(Name = "get_issue", ReadOnly = true, OpenWorld = false)]
    [Description("One known issue by id ('maestro:<hex>'): its comment, culprit, report URL and first incident.")]
    public Task<JsonNode> GetIssue([Description("Issue id")] string issue_id, CancellationToken cancellationToken = default) =>
        dashboard.GetAsync("issue/" + ToolInput.Segment("issue_id", issue_id), null, cancellationToken);

    [McpServerTool(Name = "get_issue_builds", ReadOnly = true, OpenWorld = false)]
    [Description("Builds affected by a known issue, paged (limit/offset) with 'total' and 'matched' counts.")]
    public async Task<JsonNode> GetIssueBuilds(
        [Description("Issue id")] string issue_id,
        [Description("KCIDB origin")] string origin = "maestro",
        [Description("pass, fail, inconclusive or all")] string? status = null,
        [Description("Page size")] int limit = Paging.DefaultLimit,
        [Description("Items to skip")] int offset = 0,
        [Description("Only these keys of each build")] string[]? fields = null,
        CancellationToken cancellationToken = default) =>
        Paging.Page(await Affected(issue_id, "builds", origin, status, cancellationToken), "builds", status, limit, offset, fields);

    [McpServerTool(Name = "get_issue_tests", ReadOnly = true, OpenWorld = false)]
    [Description("Tests affected by a known issue, paged (limit/offset) with 'total' and 'matched' counts.")]
    public async Task<JsonNode> GetIssueTests(
        [Description("Issue id")] string issue_id,
        [Description("KCIDB origin")] string origin = "maestro",
        [Description("pass, fail, inconclusive or all")] string? status = null,
        [Description("Page size")] int limit = Paging.DefaultLimit,
        [Description("Items to skip")] int offset = 0,
        [Description("Only these keys of each test")] string[]? fields = null,
        CancellationToken cancellationToken = default) =>
        Paging.Page(await Affected(issue_id, "tests", origin, status, cancellationToken), "tests", status, limit, offset, fields);

    private Task<JsonNode> Affected(string issueId, string kind, string origin, string? status, CancellationToken cancellationToken)
    {
        StatusArgument.Parse(status);
        return dashboard.GetAsync($"issue/{ToolInput.Segment("issue_id", issueId)}/{kind}",
            [new("filter_origin", string.IsNullOrEmpty(origin) ? null : origin)], cancellationToken);
    }
}
