using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>The remote results manifest (linux-netdev/nipa:contest/remote/lib/fetcher.py `_result_set`): a JSON array
/// of `{url, branch, executor}`, `url` null while the run is in progress, oldest first. Trimmed to the newest
/// MaxEntries started within MaxAge, as NIPA asks remotes to.</summary>
internal static class NipaManifest
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(IEnumerable<NipaRun> runs, NipaOptions options, DateTime now)
    {
        var kept = runs.Where(r => r.Started >= now - options.MaxAge)
            .OrderByDescending(r => r.Started).ThenByDescending(r => r.Branch, StringComparer.Ordinal)
            .Take(options.MaxEntries)
            .Reverse();
        var manifest = new JsonArray([.. kept.Select(r => (JsonNode)new JsonObject
        {
            ["url"] = r.Url,
            ["branch"] = r.Branch,
            ["executor"] = r.Executor,
        })]);
        return manifest.ToJsonString(Indented) + "\n";
    }
}
