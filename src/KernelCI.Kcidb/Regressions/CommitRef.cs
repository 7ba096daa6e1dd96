namespace KernelCI.Kcidb.Regressions;

/// <summary>A commit of a series and the result that decided it there.</summary>
public sealed record CommitRef(string Commit, long Position, DateTimeOffset Time, string ResultId);
