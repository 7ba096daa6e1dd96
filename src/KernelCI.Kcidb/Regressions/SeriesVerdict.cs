namespace KernelCI.Kcidb.Regressions;

/// <summary>What a series' history says: its regressions, oldest first; whether it is unstable now, since when, and its
/// flip rate over the window; and how many results were infrastructure failures (ERROR, MISS, no status), per lab and
/// platform, which open no regression.</summary>
public sealed record SeriesVerdict(SeriesKey Series, IReadOnlyList<TrackedRegression> Regressions, bool Flaky, DateTimeOffset? FlakySince,
    double FlipRate, IReadOnlyDictionary<(string Lab, string Platform), int> Infrastructure);
