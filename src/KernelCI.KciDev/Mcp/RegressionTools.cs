using System.ComponentModel;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using ModelContextProtocol.Server;

namespace KernelCI.KciDev.Mcp;

/// <summary>Beyond upstream's tools: a tree's regressions from our dashboard's tree-report, and one test's recent runs
/// from its status history, both classified by the dashboard's one regression classifier (docs/dashboard-api.md,
/// "Tree report, compare and status history").</summary>
[McpServerToolType]
internal sealed class RegressionTools(DashboardApiClient dashboard)
{
    [McpServerTool(Name = "regressions", ReadOnly = true, OpenWorld = false)]
    [Description("A tree's newest checkout in an age window with its test histories sorted into possible_regressions (PASS then FAIL), fixed_regressions (FAIL then PASS) and unstable_tests, nested platform → config → arch/compiler → path → runs (newest first). Use test_history on a run id for more runs of one test.")]
    public async Task<JsonNode> Regressions(
        [Description("Git repository URL")] string giturl,
        [Description("Branch")] string branch,
        [Description("KCIDB origin")] string origin = "maestro",
        [Description("Test path patterns (SQL LIKE, e.g. 'kselftest.%'); default all")] string[]? paths = null,
        [Description("Runs per test history, 2-100")] int history_size = 3,
        [Description("Newest checkout started at most this many hours ago")] int max_age_in_hours = 24,
        [Description("Newest checkout started at least this many hours ago")] int min_age_in_hours = 0,
        CancellationToken cancellationToken = default)
    {
        if (history_size is < 2 or > 100)
        {
            throw new ToolArgumentException("history_size", $"must be between 2 and 100, got {history_size}");
        }

        if (min_age_in_hours < 0 || min_age_in_hours >= max_age_in_hours)
        {
            throw new ToolArgumentException("min_age_in_hours", $"must be 0 or more and below max_age_in_hours ({max_age_in_hours}), got {min_age_in_hours}");
        }

        var query = new List<KeyValuePair<string, string?>>
        {
            new("origin", origin), new("git_branch", ToolInput.Required("branch", branch)), new("git_url", ToolInput.Required("giturl", giturl)),
            new("group_size", ToolInput.Text(history_size)), new("max_age_in_hours", ToolInput.Text(ToolInput.Positive("max_age_in_hours", max_age_in_hours, 720))),
            new("min_age_in_hours", ToolInput.Text(min_age_in_hours)),
        };
        query.AddRange((paths ?? []).Select(p => KeyValuePair.Create("path", (string?)p)));
        var report = await dashboard.GetAsync("tree-report", query, cancellationToken) as JsonObject ?? [];
        string[] keys = ["dashboard_url", "commit_hash", "checkout_start_time", "origin", "possible_regressions", "fixed_regressions", "unstable_tests"];
        return new JsonObject(keys.Select(k => KeyValuePair.Create(k, report[k]?.DeepClone())));
    }

    [McpServerTool(Name = "test_history", ReadOnly = true, OpenWorld = false)]
    [Description("The recent runs of one test (same path, tree, config and platform) up to the given run, newest first, and their classification (regression_type: pass, fail, regression, fixed or unstable).")]
    public async Task<JsonNode> TestHistory(
        [Description("Dashboard test id of the run to look back from")] string test_id,
        [Description("Runs to read, 1-1000")] int group_size = 10,
        CancellationToken cancellationToken = default)
    {
        ToolInput.Positive("group_size", group_size, 1000);
        var test = await dashboard.GetAsync("test/" + ToolInput.Segment("test_id", test_id), null, cancellationToken) as JsonObject ?? [];
        var history = await dashboard.GetAsync("test/status-history",
        [
            new("path", Text(test, "path")), new("origin", Text(test, "origin")), new("git_repository_url", Text(test, "git_repository_url")),
            new("git_repository_branch", Text(test, "git_repository_branch")), new("config_name", Text(test, "config_name")),
            new("platform", (test["environment_misc"] as JsonObject)?["platform"]?.ToString()),
            new("current_test_start_time", Text(test, "start_time")), new("group_size", ToolInput.Text(group_size)),
        ], cancellationToken);
        if (history is JsonObject result)
        {
            result["path"] = Text(test, "path");
            result["config_name"] = Text(test, "config_name");
            result["platform"] = (test["environment_misc"] as JsonObject)?["platform"]?.DeepClone();
        }

        return history;
    }

    private static string? Text(JsonObject test, string key) => test[key] is JsonValue value ? value.ToString() : null;
}
