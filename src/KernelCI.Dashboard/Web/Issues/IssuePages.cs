using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Issues;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Issues;

/// <summary>The issue pages at upstream's URLs (kernelci/dashboard:dashboard/src/routes/_main/issues, issue/$issueId):
/// `/issues` (listing) and `/issue/{id}` (details, `?version=`), read through the API's issue queries
/// (IssueListingQuery, IssueListingBuilder, IssueQueries, IssueExtras: docs/dashboard-api.md, "Issues").</summary>
internal static class IssuePages
{
    /// <summary>The listing's window when the URL names none: the API's `interval_in_days` default.</summary>
    public const int DefaultDays = 7;

    /// <summary>An issue is marked new when its first incident, over every version, is at most this many days before
    /// the window's end (docs/dashboard.md, "Issues").</summary>
    public const int NewWithinDays = 1;

    private static readonly string[] Culprits = ["any", "code", "tool", "harness"];

    private static readonly string[] Sorts = ["first_seen", "comment", "origin", "field_timestamp"];

    public static RouteGroupBuilder MapIssuePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/issues", ListingAsync);
        pages.MapGet("/issue/{id}", DetailsAsync);
        return pages;
    }

    private static async Task<IResult> ListingAsync(HttpContext http, DashboardDb db, IssueListingCache cache, TimeProvider time, ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var days = QueryValues.Int(query, "intervalInDays", DefaultDays, 1, 3650);
        var origin = QueryValues.Optional(query, "origin");
        // Upstream's listing shows code culprits unless asked otherwise (DEFAULT_ISSUE_LISTING_DIFFFILTER,
        // kernelci/dashboard:dashboard/src/routes/_main/issues/route.tsx).
        var culprit = QueryValues.Optional(query, "culprit") ?? "code";
        if (!Culprits.Contains(culprit))
        {
            throw new BadParameterException("culprit", "must be any, code, tool or harness");
        }

        var search = QueryValues.Optional(query, "issueSearch") ?? "";
        var page = PagePaging.From(query, Sorts, "first_seen", newestFirst: true);
        var end = time.GetUtcNow();
        var rows = await cache.RowsAsync(end.AddDays(-days), end, cancellationToken);
        var filters = new FilterSet();
        if (origin is not null)
        {
            filters.Origins.Add(origin);
        }

        if (culprit != "any")
        {
            filters.IssueCulprits.Add(culprit);
        }

        var listing = IssueListingBuilder.Build(rows, filters);
        var matching = listing.Issues.Where(i => Matches(i, search)).ToList();
        var shown = Paging.Apply(http, matching, page, (i, field) => SortValue(i, field, listing.Extras), Key, out var next);
        // Incidents are counted for the rows shown only.
        var counts = await IssueIncidentCounts.ReadAsync(db, shown.Select(i => i.Id).Distinct().ToList(), cancellationToken);
        var newSince = end.AddDays(-NewWithinDays);
        var items = shown.Select(i => Row(i, listing.Extras.GetValueOrDefault(i.Id), counts.GetValueOrDefault((i.Id, i.Version)), newSince)).ToList();
        IssuePagesLog.ListingShown(logs.CreateLogger(typeof(IssuePages).FullName!), rows.Count, matching.Count);
        var origins = listing.Filters.Origins.Append(origin).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        return PageResults.Page<IssueListingPage>(new IssueListingView(PageLink.From("/issues", query), days, origin, origins, culprit, search,
            page.Limit!.Value, next, matching.Count, items));
    }

    private static async Task<IResult> DetailsAsync(string id, HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        var issue = Uri.UnescapeDataString(id);
        if (issue.Length > 512 || issue.Any(char.IsControl))
        {
            throw new BadParameterException("id", "an issue id is at most 512 characters without control characters");
        }

        var view = await IssueDetailsReader.ReadAsync(db, http, issue, cancellationToken);
        return view is null
            ? PageResults.NotFound($"No issue {issue}" + (http.Request.Query.ContainsKey("version") ? " at that version." : "."))
            : PageResults.Page<IssueDetailsPage>(view);
    }

    public static string Url(string id, long version) =>
        "/issue/" + Uri.EscapeDataString(id) + "?version=" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where an incident was seen, as upstream's listing writes it ("tree / branch"), and the tree page of its commit.</summary>
    public static (string? Tree, string? Url) Where(Incident? incident) => incident switch
    {
        { TreeName: { } tree, GitRepositoryBranch: { } branch, GitCommitHash: { } hash } => ($"{tree} / {branch}", TreeUrls.Details(tree, branch, hash)),
        { TreeName: null, GitRepositoryBranch: null } or null => (null, null),
        _ => ($"{incident.TreeName ?? "-"} / {incident.GitRepositoryBranch ?? "-"}", null),
    };

    private static IssueListingRow Row(IssueRow issue, Incident? first, long incidents, DateTimeOffset newSince)
    {
        var (tree, url) = Where(first);
        var isNew = first?.FirstSeen is { } seen && DateTimeOffset.TryParse(seen, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) && at >= newSince;
        return new IssueListingRow(issue.Id, issue.Version, issue.Comment, issue.Origin, IssueCulprit.Words(issue.CulpritCode, issue.CulpritTool,
            issue.CulpritHarness), first?.FirstSeen, tree, url, isNew, incidents, Url(issue.Id, issue.Version));
    }

    private static bool Matches(IssueRow issue, string search) => search.Length == 0
        || issue.Id.Contains(search, StringComparison.OrdinalIgnoreCase) || issue.Comment?.Contains(search, StringComparison.OrdinalIgnoreCase) == true;

    private static string Key(IssueRow issue) => issue.Id + "," + issue.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object? SortValue(IssueRow issue, string field, IReadOnlyDictionary<string, Incident> extras) => field switch
    {
        "first_seen" => extras.GetValueOrDefault(issue.Id)?.FirstSeen,
        "comment" => issue.Comment,
        "origin" => issue.Origin,
        _ => issue.FieldTimestamp,
    };
}
