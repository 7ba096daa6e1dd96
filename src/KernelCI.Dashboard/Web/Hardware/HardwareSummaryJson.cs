using System.Text.Json.Nodes;
using KernelCI.Dashboard.Statuses;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;

namespace KernelCI.Dashboard.Web.Hardware;

/// <summary>Reads the parts of HardwareDetails' summary the page shows. The summary exists only in the shape the API
/// answers (upstream's BuildSummary and TestSummary, docs/dashboard-api.md, "Hardware"), so the page reads that shape
/// rather than a second copy of the counting.</summary>
internal static class HardwareSummaryJson
{
    public static StatusCounts Counts(JsonNode? node)
    {
        var counts = new StatusCounts();
        if (node is JsonObject o)
        {
            foreach (var status in new[] { "PASS", "FAIL", "ERROR", "SKIP", "MISS", "DONE", "NULL" })
            {
                counts.Add(status, Number(o[status]));
            }
        }

        return counts;
    }

    public static StatusTally Tally(JsonNode? node) => StatusBreakdown.From(Counts(node)).Tally;

    /// <summary>A map of name to counts (configs, labs, platforms), in name order.</summary>
    public static List<NamedCount> Named(JsonNode? node) => node is JsonObject map
        ? map.Select(e => new NamedCount(e.Key, Tally(e.Value))).OrderBy(n => n.Name, StringComparer.Ordinal).ToList()
        : [];

    /// <summary>The builds' architectures: name to counts and compilers.</summary>
    public static List<ArchitectureCount> BuildArchitectures(JsonNode? node) => node is JsonObject map
        ? map.Select(e => new ArchitectureCount(e.Key,
            e.Value?["compilers"] is JsonArray compilers ? compilers.Select(c => c?.GetValue<string>() ?? "").ToList() : [], Tally(e.Value))).ToList()
        : [];

    /// <summary>The boots' or tests' architectures: one entry per architecture and compiler.</summary>
    public static List<NamedCount> TestArchitectures(JsonNode? node) => node is JsonArray list
        ? list.Select(e => new NamedCount($"{e?["arch"]?.GetValue<string>()} / {e?["compiler"]?.GetValue<string>()}", Tally(e?["status"]))).ToList()
        : [];

    public static List<IssueCount> Issues(JsonNode? node) => node is JsonArray list
        ? list.Select(i => new IssueCount(i?["id"]?.GetValue<string>() ?? "", Number(i?["version"]), i?["comment"]?.GetValue<string>(),
            i?["report_url"]?.GetValue<string>(), Counts(i?["incidents_info"]).Total)).ToList()
        : [];

    public static long Number(JsonNode? node) => node is JsonValue v && v.TryGetValue(out long n) ? n : 0;
}
