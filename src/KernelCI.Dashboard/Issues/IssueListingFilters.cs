namespace KernelCI.Dashboard.Issues;

internal sealed record IssueListingFilters(IReadOnlyList<string> Origins, IReadOnlyList<string> Culprits, IReadOnlyList<string> Categories);
