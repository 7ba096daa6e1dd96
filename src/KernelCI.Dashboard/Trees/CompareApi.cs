using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Regressions;
using KernelCI.Dashboard.Trees.Compare;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Trees;

/// <summary>Tree compare (upstream #2018; kernelci/dashboard:backend/kernelCI_app/views/treeCompareView.py,
/// treeCompareBuildsView.py, treeDetailsCompareView.py): two commits of a tree side by side, and the builds, boots and
/// tests whose grouped status changed (docs/dashboard-api.md, "Tree report, compare and status history").
/// <para>Routes here take a one-segment branch. A branch with slashes (`tree/{name}/{**rest}`) is the trees
/// endpoints' catch-all's to parse: it hands a rest ending in `/compare` or `/compare/builds|boots|tests` to
/// <see cref="ForwardAsync"/>, and the literal `compare` segment wins over `{hash}` in the one-segment routes.</para></summary>
internal static class CompareApi
{
    public static RouteGroupBuilder MapCompare(this RouteGroupBuilder api)
    {
        api.MapGet("/tree/{treeName}/{branch}/compare",
                (string treeName, string branch, HttpRequest http, CancellationToken ct) => SummaryAsync(treeName, branch, http, ct))
            .WithSummary("Two commits of a tree compared: counts per side, their difference and how paired items changed");
        api.MapGet("/tree/{treeName}/{branch}/compare/builds",
                (string treeName, string branch, HttpRequest http, CancellationToken ct) => BuildsAsync(treeName, branch, http, ct))
            .WithSummary("Builds whose grouped status differs between two commits, or that fail on both");
        api.MapGet("/tree/{treeName}/{branch}/compare/boots",
                (string treeName, string branch, HttpRequest http, CancellationToken ct) => BootsAsync(treeName, branch, http, ct))
            .WithSummary("Boots whose grouped status differs between two commits, or that fail on both");
        api.MapGet("/tree/{treeName}/{branch}/compare/tests",
                (string treeName, string branch, HttpRequest http, CancellationToken ct) => TestsAsync(treeName, branch, http, ct))
            .WithSummary("Tests whose grouped status differs between two commits, or that fail on both");
        return api;
    }

    /// <summary>For the trees endpoints' catch-all: <paramref name="rest"/> is what follows `tree/{name}/` (without a
    /// trailing slash). Returns null when it is not a compare path.</summary>
    public static Task<IResult>? ForwardAsync(string treeName, string rest, HttpRequest http, CancellationToken cancellationToken) =>
        TryMatch(rest, out var branch, out var part)
            ? part switch
            {
                "builds" => BuildsAsync(treeName, branch, http, cancellationToken),
                "boots" => BootsAsync(treeName, branch, http, cancellationToken),
                "tests" => TestsAsync(treeName, branch, http, cancellationToken),
                _ => SummaryAsync(treeName, branch, http, cancellationToken),
            }
            : null;

    /// <summary>Splits `BRANCH/compare[/builds|boots|tests]` (the branch may hold slashes); <paramref name="part"/> is
    /// "" for the summary.</summary>
    public static bool TryMatch(string rest, out string branch, out string part)
    {
        foreach (var candidate in (string[])["builds", "boots", "tests", ""])
        {
            var suffix = candidate.Length == 0 ? "/compare" : "/compare/" + candidate;
            if (rest.Length > suffix.Length && rest.EndsWith(suffix, StringComparison.Ordinal))
            {
                branch = rest[..^suffix.Length];
                part = candidate;
                return true;
            }
        }

        branch = "";
        part = "";
        return false;
    }

    public static async Task<IResult> SummaryAsync(string treeName, string branch, HttpRequest http, CancellationToken cancellationToken)
    {
        var request = CompareRequest.From(http.Query);
        var db = http.HttpContext.RequestServices.GetRequiredService<DashboardDb>();
        await using var connection = await db.OpenAsync(cancellationToken);
        var a = await CompareQuery.CheckoutAsync(connection, db, request.HashA, treeName, branch, request.Origin, cancellationToken);
        var b = await CompareQuery.CheckoutAsync(connection, db, request.HashB, treeName, branch, request.Origin, cancellationToken);
        var countsA = await CompareQuery.CountsAsync(connection, a, cancellationToken);
        var countsB = await CompareQuery.CountsAsync(connection, b, cancellationToken);

        var builds = ComparePairing.Pair(
            await CompareQuery.BuildsAsync(connection, db, a, FilterSet.None, cancellationToken),
            await CompareQuery.BuildsAsync(connection, db, b, FilterSet.None, cancellationToken), BuildKey.Order);
        var boots = ComparePairing.Pair(
            await CompareQuery.TestsAsync(connection, db, a, boots: true, FilterSet.None, cancellationToken),
            await CompareQuery.TestsAsync(connection, db, b, boots: true, FilterSet.None, cancellationToken), TestKey.Order);
        var tests = ComparePairing.Pair(
            await CompareQuery.TestsAsync(connection, db, a, boots: false, FilterSet.None, cancellationToken),
            await CompareQuery.TestsAsync(connection, db, b, boots: false, FilterSet.None, cancellationToken), TestKey.Order);
        Log(http, treeName, branch, request, builds.Count + boots.Count + tests.Count, "items");

        // Upstream takes the URL from the first build row of either commit: none without builds.
        var gitUrl = (countsA.Builds.Total > 0 ? a?.GitUrl : null) ?? (countsB.Builds.Total > 0 ? b?.GitUrl : null) ?? "";
        return TypedResults.Json(new TreeCompareResponse(treeName, branch, gitUrl, new CompareSummary(
            CompareEntitySummary.Of(CompareStatusCounts.From(countsA.Builds), CompareStatusCounts.From(countsB.Builds), ComparePairing.Count(builds)),
            CompareEntitySummary.Of(CompareStatusCounts.From(countsA.Boots), CompareStatusCounts.From(countsB.Boots), ComparePairing.Count(boots)),
            CompareEntitySummary.Of(CompareStatusCounts.From(countsA.Tests), CompareStatusCounts.From(countsB.Tests), ComparePairing.Count(tests)))));
    }

    public static async Task<IResult> BuildsAsync(string treeName, string branch, HttpRequest http, CancellationToken cancellationToken)
    {
        var request = CompareRequest.From(http.Query);
        var filters = FilterParser.FromQuery(http.Query);
        var page = PageRequest.From(http.Query, SortFields);
        var db = http.HttpContext.RequestServices.GetRequiredService<DashboardDb>();
        await using var connection = await db.OpenAsync(cancellationToken);
        var a = await CompareQuery.CheckoutAsync(connection, db, request.HashA, treeName, branch, request.Origin, cancellationToken);
        var b = await CompareQuery.CheckoutAsync(connection, db, request.HashB, treeName, branch, request.Origin, cancellationToken);
        var pairs = ComparePairing.Pair(
            await CompareQuery.BuildsAsync(connection, db, a, filters, cancellationToken),
            await CompareQuery.BuildsAsync(connection, db, b, filters, cancellationToken), BuildKey.Order);
        Log(http, treeName, branch, request, pairs.Count, "builds");
        var statuses = Grouped(filters.BuildStatus);
        var rows = pairs
            .Where(p => ComparePairing.IsListed(p.A, p.B) && StatusPasses(statuses, p.A, p.B))
            .Select(p => new CompareBuildRow(p.Key.ConfigName, p.Key.Architecture, p.Key.Compiler, p.A, p.B))
            .ToList();
        return TypedResults.Json(Paging.Apply(http.HttpContext, rows, page, BuildSortValue,
            r => $"{r.ConfigName}\u001f{r.Architecture}\u001f{r.Compiler}", out _));
    }

    public static Task<IResult> BootsAsync(string treeName, string branch, HttpRequest http, CancellationToken cancellationToken) =>
        TestRowsAsync(treeName, branch, http, boots: true, cancellationToken);

    public static Task<IResult> TestsAsync(string treeName, string branch, HttpRequest http, CancellationToken cancellationToken) =>
        TestRowsAsync(treeName, branch, http, boots: false, cancellationToken);

    private static async Task<IResult> TestRowsAsync(string treeName, string branch, HttpRequest http, bool boots, CancellationToken cancellationToken)
    {
        var request = CompareRequest.From(http.Query);
        var filters = FilterParser.FromQuery(http.Query);
        var page = PageRequest.From(http.Query, SortFields);
        var db = http.HttpContext.RequestServices.GetRequiredService<DashboardDb>();
        await using var connection = await db.OpenAsync(cancellationToken);
        var a = await CompareQuery.CheckoutAsync(connection, db, request.HashA, treeName, branch, request.Origin, cancellationToken);
        var b = await CompareQuery.CheckoutAsync(connection, db, request.HashB, treeName, branch, request.Origin, cancellationToken);
        var pairs = ComparePairing.Pair(
            await CompareQuery.TestsAsync(connection, db, a, boots, filters, cancellationToken),
            await CompareQuery.TestsAsync(connection, db, b, boots, filters, cancellationToken), TestKey.Order);
        Log(http, treeName, branch, request, pairs.Count, boots ? "boots" : "tests");
        var statuses = Grouped(boots ? filters.BootStatus : filters.TestStatus);
        var rows = pairs
            .Where(p => ComparePairing.IsListed(p.A, p.B) && StatusPasses(statuses, p.A, p.B))
            .Select(p => new CompareTestRow(p.Key.Path, p.Key.ConfigName, p.Key.Architecture, p.Key.Platform, p.A, p.B))
            .ToList();
        return TypedResults.Json(Paging.Apply(http.HttpContext, rows, page, TestSortValue,
            r => $"{r.Path}\u001f{r.ConfigName}\u001f{r.Architecture}\u001f{r.Platform}", out _));
    }

    // Our paging (docs/dashboard-api.md, "Paging"): without limit, cursor or sort the whole list, as upstream.
    private static readonly string[] SortFields = ["config_name", "architecture", "compiler", "path", "platform", "status_a", "status_b"];

    private static object? BuildSortValue(CompareBuildRow row, string field) => field switch
    {
        "config_name" => row.ConfigName,
        "architecture" => row.Architecture,
        "compiler" => row.Compiler,
        "status_a" => row.StatusA,
        "status_b" => row.StatusB,
        _ => null,
    };

    private static object? TestSortValue(CompareTestRow row, string field) => field switch
    {
        "path" => row.Path,
        "config_name" => row.ConfigName,
        "architecture" => row.Architecture,
        "platform" => row.Platform,
        "status_a" => row.StatusA,
        "status_b" => row.StatusB,
        _ => null,
    };

    // A status filter applies after pairing, to either side, on grouped statuses (kernelci/dashboard:
    // backend/kernelCI_app/helpers/treeCompare.py, _post_join_status_clause), so PASS→FAIL is not read as a new failure.
    private static HashSet<string> Grouped(HashSet<string> raw) => raw.Select(ComparePairing.Group).ToHashSet(StringComparer.Ordinal);

    private static bool StatusPasses(HashSet<string> statuses, string? a, string? b) =>
        statuses.Count == 0 || (a is not null && statuses.Contains(a)) || (b is not null && statuses.Contains(b));

    private static void Log(HttpRequest http, string treeName, string branch, CompareRequest request, int rows, string kind) =>
        ReportLog.ComparePaired(http.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CompareApi)),
            treeName, branch, request.HashA, request.HashB, rows, kind);
}
