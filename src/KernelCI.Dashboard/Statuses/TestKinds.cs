namespace KernelCI.Dashboard.Statuses;

/// <summary>Boots are the tests whose path is `boot` or starts `boot.` (dashboard.md §1.1; the aggregates decide the
/// same in SQL, KernelCI.Kcidb.Aggregates.TestDimensions).</summary>
internal static class TestKinds
{
    public static bool IsBoot(string? path) => path is not null && (path == "boot" || path.StartsWith("boot.", StringComparison.Ordinal));

    /// <summary>Builds with these ids are placeholders for tests without a build of their own and are not counted.</summary>
    public static bool IsDummyBuild(string id) => id.StartsWith(KernelCI.Kcidb.Aggregates.AggregateRecompute.DummyBuildPrefix, StringComparison.Ordinal);
}
