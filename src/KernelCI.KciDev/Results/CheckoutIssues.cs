using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;

namespace KernelCI.KciDev.Results;

/// <summary>A checkout's issues (kernelci/kci-dev:kcidev/subcommands/results/__init__.py, get_filtered_issues and
/// get_new_issues): the issues of its summary (`tree/{sha}/summary`), their first incidents (POST `issue/extras/`)
/// telling which were first seen on this checkout, and each issue (`issue/{id}`). With <c>newOnly</c> only the new
/// ones are fetched. Each issue once, though the summary may name it under builds, boots and tests.</summary>
internal static class CheckoutIssues
{
    /// <returns>How many issues the summary names (so "no issues" and "no new issues" can be told apart), and the issues
    /// fetched.</returns>
    public static async Task<(int Named, List<(JsonObject Issue, bool IsNew)> Issues)> FetchAsync(
        DashboardApiClient dashboard, IssueCheckout checkout, string origin, string? arch, bool newOnly, CancellationToken cancellationToken)
    {
        var summary = await dashboard.GetAsync($"tree/{checkout.Commit}/summary", checkout.Query(origin, arch), cancellationToken);
        var pairs = new List<(string Id, JsonNode? Version)>();
        var kinds = (summary as JsonObject)?["summary"] as JsonObject;
        foreach (var kind in new[] { "builds", "boots", "tests" })
        {
            foreach (var issue in ((kinds?[kind] as JsonObject)?["issues"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (ResultText.Str(issue["id"]) is { } id && !pairs.Any(p => p.Id == id && JsonNode.DeepEquals(p.Version, issue["version"])))
                {
                    pairs.Add((id, issue["version"]?.DeepClone()));
                }
            }
        }

        if (pairs.Count == 0)
        {
            return (0, []);
        }

        var extras = await ExtrasAsync(dashboard, pairs, cancellationToken);
        var result = new List<(JsonObject, bool)>();
        foreach (var id in pairs.Select(p => p.Id).Distinct())
        {
            var isNew = checkout.IsFirstSeenHere((extras[id] as JsonObject)?["first_incident"] as JsonObject);
            if (isNew || !newOnly)
            {
                var issue = await dashboard.GetAsync($"issue/{id}", cancellationToken: cancellationToken) as JsonObject
                    ?? throw new Cli.CliException($"issue {id}: the dashboard's answer is not an issue");
                result.Add((issue, isNew));
            }
        }

        return (pairs.Select(p => p.Id).Distinct().Count(), result);
    }

    /// <summary>`issue/extras/`'s `issues` object; "No extra details found" (no issue has an incident) is an empty one.</summary>
    private static async Task<JsonObject> ExtrasAsync(DashboardApiClient dashboard, List<(string Id, JsonNode? Version)> pairs, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["issues"] = new JsonArray([.. pairs.Select(p => (JsonNode)new JsonArray(p.Id, p.Version?.DeepClone()))]) };
        try
        {
            return (await dashboard.PostAsync("issue/extras/", body, cancellationToken) as JsonObject)?["issues"] as JsonObject ?? [];
        }
        catch (DashboardApiException e) when (e.IsErrorReply)
        {
            return [];
        }
    }
}
