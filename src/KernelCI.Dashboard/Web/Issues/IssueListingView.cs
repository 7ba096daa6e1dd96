using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Issues;

/// <summary>The issue listing page: its filters, the origins to choose from, one page of rows and the next cursor.</summary>
public sealed record IssueListingView(PageLink Link, int IntervalDays, string? Origin, IReadOnlyList<string> Origins, string Culprit, string Search,
    int Limit, string? NextCursor, int Matching, IReadOnlyList<IssueListingRow> Rows);
