namespace KernelCI.Dashboard.Web.Trees;

/// <summary>An issue with incidents in the checkout, how many of the tab's items it affects, and when it was first
/// seen; <see cref="IsNew"/> when its first incident is on the page's own commit (upstream's "new issue" mark).</summary>
public sealed record IssueCount(string Id, long Version, string? Comment, string? ReportUrl, long Incidents, string? FirstSeen = null,
    bool IsNew = false);
