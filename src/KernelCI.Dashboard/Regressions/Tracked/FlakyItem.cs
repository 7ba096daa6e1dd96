using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Regressions.Tracked;

/// <summary>One unstable series in `flaky/`, flakiest first.</summary>
internal sealed record FlakyItem(
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("tree_name")] string TreeName,
    [property: JsonPropertyName("git_repository_branch")] string Branch,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("config_name")] string ConfigName,
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("compiler")] string Compiler,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("flip_rate")] double FlipRate,
    [property: JsonPropertyName("flaky_since")] DateTimeOffset? FlakySince);
