namespace KernelCI.Dashboard.Regressions;

/// <summary>One run in `test/status-history` (upstream's TestStatusHistoryItem); status is "NULL" for a run without one.</summary>
internal sealed record StatusHistoryItem(string? StartTime, string Id, string Status, string? GitCommitHash);
