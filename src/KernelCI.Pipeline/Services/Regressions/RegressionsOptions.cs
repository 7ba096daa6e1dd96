namespace KernelCI.Pipeline.Services.Regressions;

/// <summary>`Pipeline:Regressions` (docs/regressions.md, "Regression nodes" and "Automatic bisection").</summary>
public sealed record RegressionsOptions
{
    /// <summary>Bisect new regressions of our own origin on a tree of the trees configuration.</summary>
    public bool Bisect { get; init; } = true;

    /// <summary>Bisections running at once; more wait their turn.</summary>
    public int MaxBisections { get; init; } = 1;

    /// <summary>How many more times a step's bad result is run to confirm it (kci-dev bisect's --retry-fail).</summary>
    public int RetryFail { get; init; } = 1;

    /// <summary>How long one read of KCIDB's change feed blocks when nothing changed (1-60 s).</summary>
    public TimeSpan FeedWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Null when valid, else the error naming the option.</summary>
    public string? Validate() =>
        MaxBisections is < 1 or > 64 ? "Pipeline:Regressions:MaxBisections: must be from 1 to 64"
        : RetryFail is < 0 or > 5 ? "Pipeline:Regressions:RetryFail: must be from 0 to 5"
        : FeedWait < TimeSpan.FromSeconds(1) || FeedWait > TimeSpan.FromSeconds(60) ? "Pipeline:Regressions:FeedWait: must be from 00:00:01 to 00:01:00"
        : null;
}
