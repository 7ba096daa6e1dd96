using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;

namespace KernelCI.KciDev.Results;

/// <summary>One commit's builds, boots and tests, as `results compare` reads them: `tree/{sha}/builds|boots|tests`
/// with the tree's URL and branch (kci-dev.md §3.1). A kind the dashboard has none of ("No builds…", an HTTP 200 error
/// answer) is an empty list, as upstream's.</summary>
internal sealed record CommitResults(string Commit, List<JsonObject> Builds, List<JsonObject> Boots, List<JsonObject> Tests)
{
    public bool IsEmpty => Builds.Count == 0 && Boots.Count == 0 && Tests.Count == 0;

    public static async Task<CommitResults> FetchAsync(DashboardApiClient dashboard, string origin, string url, string branch, string commit, CancellationToken cancellationToken)
    {
        async Task<List<JsonObject>> Kind(string kind)
        {
            try
            {
                var answer = await dashboard.GetAsync($"tree/{commit}/{kind}", [new("origin", origin), new("git_url", url), new("git_branch", branch)], cancellationToken);
                return [.. ((answer as JsonObject)?[kind] as JsonArray ?? []).OfType<JsonObject>()];
            }
            catch (DashboardApiException e) when (e.IsErrorReply)
            {
                return [];
            }
        }

        return new CommitResults(commit, await Kind("builds"), await Kind("boots"), await Kind("tests"));
    }

    /// <summary>`pass/fail/inconclusive` of one kind, inconclusive being everything else.</summary>
    public static (long Pass, long Fail, long Inconclusive) Count(List<JsonObject> items)
    {
        var pass = items.Count(i => ResultText.Str(i["status"]) == "PASS");
        var fail = items.Count(i => ResultText.Str(i["status"]) == "FAIL");
        return (pass, fail, items.Count - pass - fail);
    }
}
