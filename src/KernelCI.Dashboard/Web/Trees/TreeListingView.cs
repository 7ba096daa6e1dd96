using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>The tree listing page: its filters (as upstream's URL names them), the origins to choose from, one page of
/// rows and the next cursor.</summary>
public sealed record TreeListingView(PageLink Link, int IntervalDays, string Origin, IReadOnlyList<string> Origins, string Search, int Limit,
    string? NextCursor, int Matching, IReadOnlyList<TreeListingRow> Rows);
