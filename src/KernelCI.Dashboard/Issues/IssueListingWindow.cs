namespace KernelCI.Dashboard.Issues;

/// <summary>A window's rows taken from a snapshot, in the listing's order.</summary>
internal readonly record struct IssueListingWindow(IssueListingSnapshot Snapshot, ArraySegment<IssueListingRow> Rows);
