using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;
using static KernelCI.KciDev.Results.ResultText;

namespace KernelCI.KciDev.Results;

/// <summary>`results issues --missing`: a checkout's failed and inconclusive builds or boots that no issue is attached
/// to (kernelci/kci-dev:kcidev/subcommands/results/__init__.py, get_missing_issue_items): the checkout's list
/// (`tree/{sha}/builds|boots`), then `build/{id}/issues` or `test/{id}/issues` for each item that did not pass,
/// where an answer saying "No issues…" means none is attached.</summary>
internal static class MissingIssues
{
    public static async Task<List<(string Id, string Status)>> FetchAsync(
        DashboardApiClient dashboard, IssueCheckout checkout, string kind, string origin, string? arch, CancellationToken cancellationToken)
    {
        JsonNode list;
        try
        {
            list = await dashboard.GetAsync($"tree/{checkout.Commit}/{kind}", checkout.Query(origin, arch), cancellationToken);
        }
        catch (DashboardApiException e) when (e.IsErrorReply)
        {
            // "No builds available…", "No boots available…": nothing failed, so nothing lacks an issue.
            return [];
        }

        var missing = new List<(string, string)>();
        foreach (var item in ((list as JsonObject)?[kind] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Str(item["status"]) == "PASS" || Str(item["id"]) is not { } id)
            {
                continue;
            }

            try
            {
                await dashboard.GetAsync($"{Endpoint(kind)}/{id}/issues", cancellationToken: cancellationToken);
            }
            catch (DashboardApiException e) when (e.IsErrorReply && e.Message.Contains("No issues", StringComparison.Ordinal))
            {
                missing.Add((id, Python(item["status"])));
            }
        }

        return missing;
    }

    /// <summary>The web page and issues endpoint of an item: builds are builds, boots are tests.</summary>
    public static string Endpoint(string kind) => kind == "builds" ? "build" : "test";

    public static void Print(KciConsole console, IssueCheckout checkout, string kind, List<(string Id, string Status)> missing, DashboardLinks links)
    {
        Line(console, $"[bold]{Esc(checkout.Title)}: [/]");
        Line(console, $"  - Commit:{Esc(checkout.Commit)}");
        foreach (var (id, status) in missing)
        {
            var link = kind == "builds" ? links.Build(id) : links.Test(id);
            Line(console, $"  {Esc(link)}  status: [red]{Esc(status)}[/]");
        }
    }

    public static JsonObject ToJson(IssueCheckout checkout, List<(string Id, string Status)> missing) => new()
    {
        ["tree"] = checkout.Title,
        ["git_url"] = checkout.Url,
        ["commit"] = checkout.Commit,
        ["missing"] = new JsonArray([.. missing.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["status"] = m.Status })]),
    };
}
