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

    public static RegressionRules Default { get; } = new();
}
