using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Regressions.Feed;

/// <summary>What a bisection found: the first bad commit, its subject and author, the KCIDB issue that reports it and
/// where the bisection's evidence is (e.g. its Maestro node).</summary>
public sealed record RegressionCulprit(
    [property: JsonPropertyName("commit")] string Commit,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("issue")] string? Issue,
    [property: JsonPropertyName("bisection")] string? Bisection);
