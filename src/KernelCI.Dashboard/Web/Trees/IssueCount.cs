namespace KernelCI.Dashboard.Web.Trees;

/// <summary>An issue with incidents in the checkout, and how many of the tab's items it affects.</summary>
public sealed record IssueCount(string Id, long Version, string? Comment, string? ReportUrl, long Incidents);
