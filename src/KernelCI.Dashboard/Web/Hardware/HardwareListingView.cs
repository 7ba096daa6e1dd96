using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Hardware;

/// <summary>The hardware listing page: its filters (upstream's URL names), the test origins to choose from, one page
/// of rows and the next cursor.</summary>
public sealed record HardwareListingView(PageLink Link, int IntervalDays, string Origin, IReadOnlyList<string> Origins, string Search, int Limit,
    string? NextCursor, int Matching, IReadOnlyList<HardwareListingRow> Rows);
