namespace KernelCI.Client.Bisection;

/// <summary>Everything a bisection needs to go on after an interruption, kept as JSON in the state file after every
/// run (upstream keeps the same inputs and a history: kernelci/kci-dev:kcidev/subcommands/bisect.py). The git bisect
/// of the work folder is rebuilt from <see cref="Steps"/>, so this file alone is the truth.</summary>
public sealed record BisectState
{
    public int Version { get; init; } = 1;

    /// <summary>The tree: a git URL or a local path, as given.</summary>
    public required string Giturl { get; init; }

    public required string Branch { get; init; }

    /// <summary>The good and bad commits as given (a SHA, a short SHA, a tag or a ref).</summary>
    public required string Good { get; init; }

    public required string Bad { get; init; }

    /// <summary>Their full SHAs, once the tree is in the work folder.</summary>
    public string? GoodSha { get; init; }

    public string? BadSha { get; init; }

    /// <summary>How many times a bad result is run again to confirm it (`--retry-fail`).</summary>
    public int RetryFail { get; init; } = 2;

    /// <summary>What the step runner needs; the engine keeps it so that a resumed bisection tests the same way.</summary>
    public IReadOnlyList<string> JobFilter { get; init; } = [];

    public IReadOnlyList<string> PlatformFilter { get; init; } = [];

    public string? Test { get; init; }

    /// <summary>The decided steps, in order.</summary>
    public IReadOnlyList<BisectStep> Steps { get; init; } = [];

    /// <summary>The step under way: the runs it has already had are not run again on resume.</summary>
    public BisectStep? Current { get; init; }

    public BisectCommit? FirstBad { get; init; }

    /// <summary>When only skipped commits are left: the commits one of which is the first bad one.</summary>
    public IReadOnlyList<BisectCommit>? Candidates { get; init; }

    public bool IsComplete => FirstBad is not null || Candidates is not null;
}
