using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Trees.Items;

/// <summary>One boot or test of `tree/{hash}/boots|tests` (upstream's TestHistoryItem). `environment_compatible` is
/// always present, null when the test has none, as kci-dev reads it without a fallback (kci-dev.md §9).</summary>
internal sealed record TestItem(string Id, string Origin, string Status, double? Duration, string Path, string? StartTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string[]? EnvironmentCompatible, string Config, string? LogUrl,
    string Architecture, string Compiler, JsonNode EnvironmentMisc, string Lab);
