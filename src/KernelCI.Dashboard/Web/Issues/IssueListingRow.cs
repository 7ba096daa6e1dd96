namespace KernelCI.Dashboard.Web.Issues;

/// <summary>One issue version of the listing (upstream's columns: kernelci/dashboard:dashboard/src/components/IssueTable/IssueTable.tsx),
/// with where it was first seen, whether that is new (<see cref="IssuePages.NewWithinDays"/>) and its incidents.</summary>
public sealed record IssueListingRow(string Id, long Version, string? Comment, string Origin, string Culprit, string? FirstSeen, string? FirstTree,
    string? FirstTreeUrl, bool IsNew, long Incidents, string Url);
