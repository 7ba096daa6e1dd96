namespace KernelCI.Dashboard.Metrics;

/// <summary>An issue version and its build incidents in the window (upstream's TopIssue).</summary>
internal sealed record TopIssue(string Id, long Version, string? Comment, long TotalIncidents);
