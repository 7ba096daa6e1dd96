namespace KernelCI.Client.Bisection;

/// <summary>Where git bisect stands: the next commit to test, or the first bad commit, or the candidates when only
/// skipped commits are left.</summary>
internal sealed record GitBisectPosition(string? Next, string? FirstBad, IReadOnlyList<string> Candidates, string? Remaining);
