namespace KernelCI.Kcidb.Regressions;

/// <summary>The thresholds of regression and flakiness tracking (docs/regressions.md, "Lifecycle" and "Flaky series").</summary>
public sealed record RegressionRules
{
    /// <summary>Passes after the fixing one before a fixed regression is closed.</summary>
    public int CloseAfterPasses { get; init; } = 3;

    /// <summary>How many of a series' latest decided commits its flip rate is measured over.</summary>
    public int FlakyWindow { get; init; } = 20;

    /// <summary>Fewer decided commits than this say nothing about flakiness.</summary>
    public int FlakyMinimumRuns { get; init; } = 6;

    /// <summary>Fewer changes than this are a regression and its fix, not flakiness, whatever the rate.</summary>
    public int FlakyMinimumFlips { get; init; } = 4;

    /// <summary>The flip rate (changes between neighbouring commits' outcomes, over the window) from which a series is
    /// unstable. A test that fails at random half the time flips about half the time; a real regression flips once.</summary>
    public double FlakyThreshold { get; init; } = 0.3;

    /// <summary>How many decided commits on each side of an unstable one the series stays unsettled (hysteresis): a
    /// failure there opens no regression. A series flipping at random has calm stretches now and then, where its
    /// window's rate falls under <see cref="FlakyThreshold"/>; it is trusted again only after this many stable commits.
    /// The benchmark's flaky series (flip probability 0.6) opened a false regression in 2.2 % of them without it
    /// (docs/benchmarks.md, "regressions").</summary>
    public int FlakyMemory { get; init; } = 20;

    public static RegressionRules Default { get; } = new();
}
