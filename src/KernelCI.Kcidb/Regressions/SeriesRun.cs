namespace KernelCI.Kcidb.Regressions;

/// <summary>One result of a series: the commit it ran on (<see cref="Position"/> orders commits, oldest first), when,
/// its KCIDB status (null when it has none), its id, and where it ran (lab and platform, for infrastructure counts).</summary>
public sealed record SeriesRun(string Commit, long Position, DateTimeOffset Time, string? Status, string ResultId,
    string? Lab = null, string? Platform = null);
