using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.Client.Maestro;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>Both sides of a validation: Maestro's nodes (`nodes/fast`, no limit, so every match) and the dashboard's
/// builds or boots of one checkout, with upstream's queries (kci-dev.md §3.3).</summary>
internal sealed class ValidationSources(MaestroClient maestro, DashboardApiClient dashboard, string origin, string? arch)
{
    /// <summary>Nodes matching <paramref name="terms"/>, and `--arch` unless <paramref name="withArch"/> is false.</summary>
    public async Task<List<JsonObject>> NodesAsync(IEnumerable<string> terms, CancellationToken cancellationToken, bool withArch = true)
    {
        var filter = new NodeFilter().Where(terms.Concat(arch is null || !withArch ? [] : [$"data.arch={arch}"]), "--filter");
        return [.. (await MaestroApi.ReachAsync(() => maestro.GetNodesFastJsonAsync(filter, cancellationToken))).OfType<JsonObject>()];
    }

    public Task<List<JsonObject>> MaestroAsync(string kind, string url, string branch, string commit, CancellationToken cancellationToken) =>
        NodesAsync(kind == "builds"
            ? ["kind=kbuild", $"data.kernel_revision.url={url}", $"data.kernel_revision.branch={branch}", $"data.kernel_revision.commit={commit}", "state__ne=running"]
            : ["name__re=^baseline", $"data.kernel_revision.url={url}", $"data.kernel_revision.branch={branch}", $"data.kernel_revision.commit={commit}", "state=done"],
            cancellationToken);

    /// <summary>The dashboard's builds or boots of the checkout; its "No builds/boots available" answer is an empty
    /// list, as upstream reads it.</summary>
    public async Task<List<JsonObject>> DashboardAsync(string kind, string url, string branch, string commit, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string?>> query = [new("origin", origin), new("git_url", url), new("git_branch", branch)];
        if (arch is not null)
        {
            query.Add(new("filter_architecture", arch));
        }

        if (kind == "boots")
        {
            query.Add(new("filter_boot.origin", "maestro"));
        }

        try
        {
            var reply = await dashboard.GetAsync($"tree/{commit}/{kind}", query, cancellationToken);
            return [.. (reply[kind] as JsonArray ?? []).OfType<JsonObject>()];
        }
        catch (DashboardApiException e) when (e.IsErrorReply && e.Message.Contains(kind == "builds" ? "No builds available" : "No boots available", StringComparison.Ordinal))
        {
            return [];
        }
    }

    /// <summary>The dashboard's trees of the last <paramref name="days"/> days (`--all-checkouts`), or all of them.</summary>
    public async Task<List<JsonObject>> TreesAsync(int? days, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string?>> query = [new("origin", origin)];
        if (days is { } d)
        {
            query.Add(new("interval_in_days", d.ToString(CultureInfo.InvariantCulture)));
        }

        return [.. (await dashboard.GetAsync("tree", query, cancellationToken) as JsonArray ?? []).OfType<JsonObject>()];
    }

    /// <summary>The tree name the dashboard gives a URL and branch; upstream prints Python's `None` when it has none.</summary>
    public async Task<string> TreeNameAsync(string url, string branch, CancellationToken cancellationToken) =>
        (await TreesAsync(null, cancellationToken))
            .FirstOrDefault(t => t["git_repository_url"]?.ToString() == url && t["git_repository_branch"]?.ToString() == branch)?["tree_name"]?.ToString()
        ?? "None";

    public static string Text(JsonNode? node, string key) =>
        node?[key]?.ToString() ?? throw new CliException($"the dashboard's answer has no `{key}`");
}
