namespace KernelCI.Kcidb.Regressions;

/// <summary>A regression of one series: its last good and first bad commits, every failing result since (upstream's
/// `node_sequence`), and the commit that fixed it.</summary>
public sealed record TrackedRegression(string Id, SeriesKey Series, CommitRef LastGood, CommitRef FirstBad, RegressionState State,
    IReadOnlyList<string> Failures, CommitRef? FixedBy);
