using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Hardware;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Origins;
using KernelCI.Dashboard.Statuses;
using KernelCI.Dashboard.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Hardware;

/// <summary>The hardware pages at upstream's URLs (kernelci/dashboard:dashboard/src/routes/_main/hardware):
/// `/hardware` (listing) and `/hardware/{platform or compatible}` (details), read through the API's hardware queries
/// (docs/dashboard-api.md, "Hardware").</summary>
internal static class HardwarePages
{
    /// <summary>Upstream's REDUCED_TIME_SEARCH, the hardware pages' default window (kernelci/dashboard:
    /// dashboard/src/utils/constants/general.ts).</summary>
    public const int DefaultDays = 5;

    public const string DefaultOrigin = HardwareDetailsRequest.DefaultOrigin;

    private static readonly string[] ListingSorts = ["platform", "builds", "boots", "tests"];

    public static RouteGroupBuilder MapHardwarePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/hardware", ListingAsync);
        pages.MapGet("/hardware/{id}", DetailsAsync);
        return pages;
    }

    public static int Days(IQueryCollection query) => QueryValues.Int(query, "intervalInDays", DefaultDays, 1, 36_500);

    public static string Origin(IQueryCollection query) => QueryValues.Optional(query, "origin") ?? DefaultOrigin;

    private static async Task<IResult> ListingAsync(HttpContext http, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var days = Days(query);
        var origin = Origin(query);
        var search = QueryValues.Optional(query, "hardwareSearch") ?? "";
        var page = PagePaging.From(query, ListingSorts, "platform");
        var end = time.GetUtcNow();
        var start = end.AddDays(-days);
        var hardware = await new HardwareListingQuery(db).ListAsync(origin, start, end, [], cancellationToken);
        // The test origins of the window, and the one asked for even if it has none.
        var origins = (await OriginsQuery.ReadAsync(db, start, cancellationToken)).TestOrigins.Append(origin).Distinct()
            .Order(StringComparer.Ordinal).ToList();
        var matching = hardware.Where(h => Matches(h, search)).ToList();
        var shown = Paging.Apply(http, matching, page, SortValue, h => h.Platform + "\n" + string.Join(",", h.Hardware ?? []), out var next);
        var rows = shown.Select(h => new HardwareListingRow(h.Platform, h.Hardware ?? [], Tally(h.BuildStatusSummary), Tally(h.BootStatusSummary),
            Tally(h.TestStatusSummary), HardwareUrls.Details(h.Platform, days, origin))).ToList();
        return PageResults.Page<HardwareListingPage>(new HardwareListingView(PageLink.From("/hardware", query), days, origin, origins, search,
            page.Limit!.Value, next, matching.Count, rows));
    }

    private static async Task<IResult> DetailsAsync(string id, HttpContext http, DashboardDb db, TimeProvider time, ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        var hardware = Uri.UnescapeDataString(id);
        if (hardware.Length > 512 || hardware.Any(char.IsControl))
        {
            throw new BadParameterException("id", "a platform or compatible is at most 512 characters without control characters");
        }

        var view = await HardwareDetailsReader.ReadAsync(db, http, hardware, time, cancellationToken);
        if (view is null)
        {
            var query = http.Request.Query;
            return PageResults.NotFound($"No hardware {hardware} was tested by origin {Origin(query)} in the last {Days(query)} days.");
        }

        HardwarePagesLog.DetailsShown(logs.CreateLogger(typeof(HardwarePages).FullName!), hardware, view.Tab, view.Trees.Count);
        return PageResults.Page<HardwareDetailsPage>(view);
    }

    // Upstream's listing searches the platform and the compatibles.
    private static bool Matches(HardwareListingItem item, string search) => search.Length == 0
        || item.Platform.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (item.Hardware ?? []).Any(c => c.Contains(search, StringComparison.OrdinalIgnoreCase));

    // The count columns sort by their failures (the column a person sorts to find broken hardware).
    private static object? SortValue(HardwareListingItem item, string field) => field switch
    {
        "builds" => item.BuildStatusSummary.Fail,
        "boots" => item.BootStatusSummary.Fail,
        "tests" => item.TestStatusSummary.Fail,
        _ => item.Platform,
    };

    private static StatusTally Tally(GroupedStatus status) => new(status.Pass, status.Fail, status.Inconclusive);
}
