using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Origins;
using KernelCI.Dashboard.Trees;
using KernelCI.Dashboard.Trees.Latest;
using KernelCI.Dashboard.Trees.Listing;
using KernelCI.Dashboard.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>The tree pages at upstream's URLs (kernelci/dashboard:dashboard/src/routes/_main/tree, dashboard.md §2.1):
/// `/tree` (listing), `/tree/{name}/{branch}` (to the latest checkout) and `/tree/{name}/{branch}/{commit}` (details),
/// and the aliases emails link to, `/c/…` and `/checkout/…`.</summary>
internal static class TreePages
{
    // Upstream's DEFAULT_LISTING_INTERVAL_IN_DAYS (kernelci/dashboard:dashboard/src/utils/constants/general.ts).
    private const int DefaultListingDays = 30;

    private const string NotATreePage = "A tree page is /tree/NAME/BRANCH or /tree/NAME/BRANCH/COMMIT.";

    public static RouteGroupBuilder MapTreePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/tree", ListingAsync);
        pages.MapGet("/tree/{**path}", TreeAsync);
        // Upstream's short forms redirect to the long ones with the same query (kernelci/dashboard:
        // dashboard/src/routes/_main/(alternatives)/c, dashboard/src/routes/_main/checkout).
        pages.MapGet("/c/{**path}", Alias);
        pages.MapGet("/checkout/{**path}", Alias);
        return pages;
    }

    private static async Task<IResult> ListingAsync(HttpContext http, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var days = QueryValues.Int(query, "intervalInDays", DefaultListingDays, 1, 36_500);
        var origin = TreeScope.OriginFrom(query);
        var search = QueryValues.Optional(query, "treeSearch") ?? "";
        var page = PagePaging.From(query, ["tree_name", "start_time"], "tree_name");
        var since = time.GetUtcNow().AddDays(-days);
        var trees = await TreeListing.ReadAsync(db, origin, since, cancellationToken);
        // The origins with checkouts in the window, and the one asked for even if it has none.
        var origins = (await OriginsQuery.CheckoutOriginsAsync(db, since, cancellationToken)).Append(origin).Distinct().Order(StringComparer.Ordinal).ToList();
        var matching = trees.Where(t => Matches(t, search)).ToList();
        var shown = Paging.Apply(http, matching, page, (t, field) => field == "start_time"
            ? TreeSort.Time(t.StartTime)
            : $"{t.TreeName}/{t.GitRepositoryBranch}", t => t.Id, out var next);
        var originQuery = origin == TreeScope.DefaultOrigin ? "" : "?origin=" + Uri.EscapeDataString(origin);
        var rows = shown.Select(t => new TreeListingRow(t.TreeName, t.GitRepositoryBranch, t.GitRepositoryUrl, t.GitCommitHash, t.GitCommitName,
            t.GitCommitTags, t.StartTime, Tally(t.BuildStatus), Tally(t.BootStatus), Tally(t.TestStatus),
            t is { TreeName: { } name, GitRepositoryBranch: { } branch, GitCommitHash: { } hash } ? TreeUrls.Details(name, branch, hash) + originQuery : null))
            .ToList();
        return PageResults.Page<TreeListingPage>(new TreeListingView(PageLink.From("/tree", query), days, origin, origins, search, page.Limit!.Value, next,
            matching.Count, rows));
    }

    private static async Task<IResult> TreeAsync(string? path, HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        if (TreePageRoute.Parse(path) is not { } route)
        {
            return PageResults.NotFound(NotATreePage);
        }

        var query = http.Request.Query;
        var origin = TreeScope.OriginFrom(query);
        if (route.Commit is null)
        {
            var latest = await TreeLatest.FindAsync(db, route.TreeName, route.Branch, origin, null, cancellationToken);
            return latest?.CommitHash is { } hash
                ? TypedResults.Redirect(PageLink.From("", query).At(TreeUrls.Details(route.TreeName, route.Branch, hash)))
                : PageResults.NotFound($"No checkout of {route.TreeName} {route.Branch} from origin {origin}.");
        }

        var view = await TreeDetailsReader.ReadAsync(db, http, route, cancellationToken);
        return view is null
            ? PageResults.NotFound($"No checkout of {route.Commit} on {route.TreeName} {route.Branch} from origin {origin}.")
            : PageResults.Page<TreeDetailsPage>(view);
    }

    private static IResult Alias(string? path, HttpContext http)
    {
        if (TreePageRoute.Parse(path) is not { } route)
        {
            return PageResults.NotFound(NotATreePage);
        }

        var target = route.Commit is null ? TreeUrls.Branch(route.TreeName, route.Branch) : TreeUrls.Details(route.TreeName, route.Branch, route.Commit);
        return TypedResults.Redirect(PageLink.From("", http.Request.Query).At(target));
    }

    private static bool Matches(TreeListingItem tree, string search) => search.Length == 0
        || new[] { tree.TreeName, tree.GitRepositoryBranch, tree.GitCommitHash, tree.GitCommitName, tree.GitRepositoryUrl }
            .Concat(tree.GitCommitTags).Any(v => v?.Contains(search, StringComparison.OrdinalIgnoreCase) == true);

    private static StatusTally Tally(Statuses.GroupedStatus status) => new(status.Pass, status.Fail, status.Inconclusive);
}
