using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;

namespace KernelCI.Notifications.BuildIssues;

/// <summary>Issues from the dashboard API (docs/dashboard-api.md, "Issues"): the window's issue versions with an
/// incident (`issue/`), then each one's facts (`issue/{id}`) and builds (`issue/{id}/builds`). Upstream's
/// `new_issues` reads the same (kernelci/dashboard: backend/kernelCI_app/management/commands/notifications.py).</summary>
internal sealed class DashboardBuildIssues(DashboardApiClient dashboard) : IBuildIssueSource
{
    public async Task<IReadOnlyList<BuildIssue>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var listing = await FoundAsync("issue/",
            [new("startTimestampInSeconds", since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)), new("filter_issue.options", "hasIncident")],
            cancellationToken);
        var issues = new List<BuildIssue>();
        foreach (var id in (listing?["issues"]?.AsArray() ?? []).Select(i => i?["id"]?.ToString()).OfType<string>().Distinct())
        {
            var builds = await FoundAsync($"issue/{Uri.EscapeDataString(id)}/builds", null, cancellationToken);
            if (builds is not JsonArray list || list.Count == 0)
            {
                continue;
            }

            var issue = await dashboard.GetAsync($"issue/{Uri.EscapeDataString(id)}", null, cancellationToken);
            var culprits = new[] { "code", "tool", "harness" }.Where(c => issue[$"culprit_{c}"] is JsonValue v && v.TryGetValue<bool>(out var b) && b).ToList();
            issues.Add(new BuildIssue(id, issue["version"]?.GetValue<int>() ?? 0, issue["origin"]?.ToString() ?? "", issue["comment"]?.ToString(),
                issue["report_subject"]?.ToString(), issue["report_url"]?.ToString(), culprits,
                [.. list.OfType<JsonObject>().Where(b => b["tree_name"] is not null && b["git_repository_branch"] is not null).Select(b => new IssueBuild(
                    b["id"]!.ToString(), b["tree_name"]!.ToString(), b["git_repository_branch"]!.ToString(), b["config_name"]?.ToString() ?? "",
                    b["architecture"]?.ToString() ?? "", b["compiler"]?.ToString() ?? "", b["status"]?.ToString(), b["log_url"]?.ToString()))]));
        }

        return issues;
    }

    // "No issues found", "No builds found for this issue": HTTP 200 with an error, upstream's way of saying none.
    private async Task<JsonNode?> FoundAsync(string path, IEnumerable<KeyValuePair<string, string?>>? query, CancellationToken cancellationToken)
    {
        try
        {
            return await dashboard.GetAsync(path, query, cancellationToken);
        }
        catch (DashboardApiException e) when (e.IsErrorReply)
        {
            return null;
        }
    }
}
