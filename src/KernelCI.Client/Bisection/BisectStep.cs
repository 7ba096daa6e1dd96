namespace KernelCI.Client.Bisection;

/// <summary>A commit tested (or being tested): every run of it, and once decided the verdict given to git bisect, with
/// a note when the runs disagreed.</summary>
public sealed record BisectStep(string Commit, string? Subject, IReadOnlyList<StepResult> Runs, StepVerdict? Verdict = null, string? Note = null);
