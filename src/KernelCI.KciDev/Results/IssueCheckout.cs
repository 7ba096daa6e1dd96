using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;

namespace KernelCI.KciDev.Results;

/// <summary>One checkout `results issues` looks at: a tree (its name from the dashboard's tree list, as upstream's
/// get_tree_name), URL, branch and full commit.</summary>
internal sealed record IssueCheckout(string? TreeName, string Url, string Branch, string Commit)
{
    public string Title => $"{ResultText.Python(TreeName)}/{Branch}";

    public IEnumerable<KeyValuePair<string, string?>> Query(string origin, string? arch) =>
        [new("origin", origin), new("git_url", Url), new("git_branch", Branch), new("filter_architecture", arch)];

    /// <summary>Whether an issue's first incident (`issue/extras/`'s `first_incident`) is this very checkout.</summary>
    public bool IsFirstSeenHere(JsonObject? firstIncident) =>
        firstIncident is not null
        && ResultText.Str(firstIncident["git_commit_hash"]) == Commit
        && ResultText.Str(firstIncident["git_repository_url"]) == Url
        && ResultText.Str(firstIncident["git_repository_branch"]) == Branch
        && ResultText.Str(firstIncident["tree_name"]) == TreeName;

    /// <summary>The newest checkout of each tree of the origin in the last <paramref name="days"/> days (`tree`).</summary>
    public static async Task<List<IssueCheckout>> ListAsync(DashboardApiClient dashboard, string origin, int days, CancellationToken cancellationToken)
    {
        JsonNode trees;
        try
        {
            trees = await dashboard.GetAsync("tree", [new("origin", origin), new("interval_in_days", days.ToString(System.Globalization.CultureInfo.InvariantCulture))], cancellationToken);
        }
        catch (DashboardApiException e) when (e.IsErrorReply)
        {
            return [];
        }

        return [.. (trees as JsonArray ?? []).OfType<JsonObject>().Select(t => new IssueCheckout(
            ResultText.Str(t["tree_name"]), ResultText.Str(t["git_repository_url"]) ?? "", ResultText.Str(t["git_repository_branch"]) ?? "",
            ResultText.Str(t["git_commit_hash"]) ?? ""))];
    }

    /// <summary>The tree name the dashboard's tree list gives the URL and branch (null when it lists none).</summary>
    public static async Task<string?> TreeNameAsync(DashboardApiClient dashboard, string origin, string url, string branch, CancellationToken cancellationToken)
    {
        try
        {
            var trees = await dashboard.GetAsync("tree", [new("origin", origin)], cancellationToken) as JsonArray ?? [];
            return trees.OfType<JsonObject>()
                .Where(t => ResultText.Str(t["git_repository_url"]) == url && ResultText.Str(t["git_repository_branch"]) == branch)
                .Select(t => ResultText.Str(t["tree_name"])).FirstOrDefault();
        }
        catch (DashboardApiException e) when (e.IsErrorReply)
        {
            return null;
        }
    }
}
