namespace KernelCI.Dashboard.Web.Metrics;

/// <summary>One incident origin's build incidents in the period, its top issues and its new ones.</summary>
public sealed record MetricsOrigin(string Origin, long Incidents, long NewIssues, long ExistingIssues, long TotalIssues,
    IReadOnlyList<MetricsIssue> Top, IReadOnlyList<MetricsIssue> New);
