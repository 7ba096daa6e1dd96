using System.Globalization;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Services.Trigger;

/// <summary>NIPA's branch lists: a build_config whose branch is an http(s) URL names a JSON array of
/// `{branch, date, …}`, and the branch to poll is the one with the newest date (kernelci/kernelci-pipeline:src/trigger.py).</summary>
internal sealed class NipaBranches(HttpClient http)
{
    public static bool IsNipa(string branch) =>
        branch.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || branch.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public async Task<string> NewestAsync(string url, CancellationToken cancellationToken)
    {
        var json = await http.GetStringAsync(url, cancellationToken);
        var entries = JsonNode.Parse(json) as JsonArray
            ?? throw new FormatException($"NIPA branch list {url}: not a JSON array");
        var newest = entries.OfType<JsonObject>()
            .Where(e => e["branch"] is JsonValue && e["date"] is JsonValue)
            .MaxBy(e => DateTimeOffset.TryParse(e["date"]!.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
                ? d
                : DateTimeOffset.MinValue);
        return newest?["branch"]?.ToString() ?? throw new FormatException($"NIPA branch list {url}: no entry with branch and date");
    }
}
