namespace KernelCI.Client.Bisection;

/// <summary>What the engine reports as it goes, for live progress: a message, a run starting or ending, a step decided.</summary>
public sealed record BisectUpdate(BisectUpdateKind Kind, string Message)
{
    public string? Commit { get; init; }

    public string? Subject { get; init; }

    /// <summary>The run's number within its step, from 1.</summary>
    public int Run { get; init; }

    public StepResult? Result { get; init; }

    public BisectStep? Step { get; init; }

    /// <summary>git's own estimate when a commit is chosen: "N revisions left to test after this (roughly K steps)".</summary>
    public string? Remaining { get; init; }
}
