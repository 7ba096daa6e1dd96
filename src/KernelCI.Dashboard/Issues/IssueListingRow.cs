namespace KernelCI.Dashboard.Issues;

/// <summary>One issue version of the listing's window with what the listing needs of its incidents: the issue's first
/// incident (over every version; null when it has none) and whether an incident of this version reaches a checkout with
/// a tree name and a branch.</summary>
internal sealed record IssueListingRow(IssueRow Issue, Incident? FirstIncident, bool HasTree);
