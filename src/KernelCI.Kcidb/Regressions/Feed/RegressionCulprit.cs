using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Regressions.Feed;

/// <summary>What a bisection found: the first bad commit, its subject and author, the KCIDB issue that reports it and
/// where the bisection's evidence is (e.g. its Maestro node), and the files the commit touches (`git diff-tree
/// --name-only`, at most <see cref="MaxFiles"/>; null when the bisection did not give them).</summary>
public sealed record RegressionCulprit(
    [property: JsonPropertyName("commit")] string Commit,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("issue")] string? Issue,
    [property: JsonPropertyName("bisection")] string? Bisection,
    [property: JsonPropertyName("files")] IReadOnlyList<string>? Files = null)
{
    /// <summary>The most paths a culprit carries: a tree-wide change (a rename, a treewide cleanup) is cut there.</summary>
    public const int MaxFiles = 1000;

    /// <summary>The longest path taken (Linux's PATH_MAX).</summary>
    public const int MaxPathLength = 4096;
}
