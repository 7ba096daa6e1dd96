namespace KernelCI.Dashboard.Web.Metrics;

/// <summary>An issue version with its build incidents in the period, linking to its page.</summary>
public sealed record MetricsIssue(string Id, long Version, string? Comment, long Incidents, string Url);
