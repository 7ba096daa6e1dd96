using System.Text.Json.Serialization;

namespace KernelCI.Client.Kcidb.Regressions;

/// <summary>A regression's culprit as a bisection found it: the commit, its subject and author, the KCIDB issue that
/// reports it, the bisection's evidence (its Maestro node id), and the files the commit touches (at most
/// <see cref="MaxFiles"/> paths relative to the top of the tree; null when not known).</summary>
public sealed record KcidbCulprit(
    [property: JsonPropertyName("commit")] string Commit,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("issue")] string? Issue,
    [property: JsonPropertyName("bisection")] string? Bisection,
    [property: JsonPropertyName("files")] IReadOnlyList<string>? Files = null)
{
    /// <summary>The most paths KCIDB takes for a culprit (its `RegressionCulprit.MaxFiles`, which answers 400 above
    /// it): a treewide change is cut there by the sender.</summary>
    public const int MaxFiles = 1000;
}
