namespace KernelCI.Dashboard.Hardware;

/// <summary>An incident of a build or a test, with its issue's comment and report URL.</summary>
internal sealed record HardwareIncident(string IssueId, long Version, string? TestId, string? Comment, string? ReportUrl);
