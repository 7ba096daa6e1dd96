using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Regressions.Feed;

/// <summary>A regression as the change feed gives it: the tracker's row, its series' flakiness and its culprit once a
/// bisection found one (docs/regressions.md, "The change feed").</summary>
public sealed record RegressionRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("tree_name")] string TreeName,
    [property: JsonPropertyName("git_repository_branch")] string Branch,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("config_name")] string ConfigName,
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("compiler")] string Compiler,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("last_good_commit")] string LastGoodCommit,
    [property: JsonPropertyName("last_good_result")] string LastGoodResult,
    [property: JsonPropertyName("first_bad_commit")] string FirstBadCommit,
    [property: JsonPropertyName("first_bad_result")] string FirstBadResult,
    [property: JsonPropertyName("fixed_by_commit")] string? FixedByCommit,
    [property: JsonPropertyName("failures")] IReadOnlyList<string> Failures,
    [property: JsonPropertyName("flaky")] bool Flaky,
    [property: JsonPropertyName("culprit")] RegressionCulprit? Culprit);
