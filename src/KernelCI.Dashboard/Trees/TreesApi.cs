using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Trees.Commits;
using KernelCI.Dashboard.Trees.Items;
using KernelCI.Dashboard.Trees.Latest;
using KernelCI.Dashboard.Trees.Listing;
using KernelCI.Dashboard.Trees.Summary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Trees;

/// <summary>Upstream's tree endpoints (kernelci/dashboard: backend/kernelCI_app/urls.py; docs/dashboard-api.md, "Trees"):
/// the listing, a branch's latest checkout and commits, and a commit's summary, builds, boots, tests, full answer and
/// commit history, by hash (with git_url and git_branch) or by tree name and branch.</summary>
internal static class TreesApi
{
    private const int MaxIntervalDays = 36_500;

    private const int MaxCommitHashes = 1000;

    public static RouteGroupBuilder MapTrees(this RouteGroupBuilder api)
    {
        api.MapGet("/tree", ListAsync).WithSummary("Trees: the newest checkout of each tree of an origin in the last days");
        api.MapGet("/tree/commits-history", CommitsHistoryAsync).WithSummary("Per-commit counts for a list of commits of a tree");
        // Compare paths whose branch is one segment match CompareApi's own routes first (a catch-all has the lowest
        // precedence); branches with slashes reach this one, which hands them to CompareApi.
        api.MapGet("/tree/{**path}", DetailsAsync)
            .WithSummary("A tree's latest checkout or commits, or a commit's summary, builds, boots, tests, full answer or history");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var origin = TreeScope.OriginFrom(query);
        var days = QueryValues.Int(query, "interval_in_days", 7, 1, MaxIntervalDays);
        var page = PageRequest.From(query, ["start_time", "tree_name", "git_repository_branch"]);
        var trees = await TreeListing.ReadAsync(db, origin, time.GetUtcNow().AddDays(-days), cancellationToken);
        if (trees.Count == 0)
        {
            return Replies.UpstreamNotFound(TreeStrings.NoTrees);
        }

        return TypedResults.Ok(Paging.Apply(http, trees, page, (t, field) => field switch
        {
            "start_time" => TreeSort.Time(t.StartTime),
            "tree_name" => t.TreeName,
            _ => t.GitRepositoryBranch,
        }, t => t.Id, out _));
    }

    private static async Task<IResult> DetailsAsync(string path, HttpContext http, DashboardDb db, TimeProvider time, ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        if (TreePath.IsCompare(path) && path.TrimEnd('/') is var trimmed && trimmed.IndexOf('/') is var slash and > 0
            && CompareApi.ForwardAsync(trimmed[..slash], trimmed[(slash + 1)..], http.Request, cancellationToken) is { } compare)
        {
            return await compare;
        }

        if (TreePath.Parse(path) is not { } target)
        {
            return TypedResults.NotFound();
        }

        var query = http.Request.Query;
        if (target.View is null)
        {
            return await LatestAsync(target.TreeName!, target.Branch!, query, db, cancellationToken);
        }

        if (target.Commit is null)
        {
            return await CommitListAsync(http, target.TreeName!, target.Branch!, db, cancellationToken);
        }

        var scope = target.TreeName is null
            ? TreeScope.FromHash(target.Commit, query)
            : TreeScope.Direct(target.TreeName, target.Branch!, target.Commit, query);
        var filters = FilterParser.FromQuery(query);
        var logger = logs.CreateLogger("KernelCI.Dashboard.Trees");
        if (TreeFilterKinds.NeedsTestRows(filters) && target.View is "summary" or "full" or "commits")
        {
            TreesLog.ReadingTestRows(logger, scope.Commit, scope.Origin);
        }

        return target.View switch
        {
            "summary" => await SummaryAsync(scope, filters, db, logger, cancellationToken),
            "builds" => await BuildsAsync(http, scope, filters, db, logger, cancellationToken),
            "boots" or "tests" => await TestsAsync(http, scope, filters, target.View == "boots", db, cancellationToken),
            "full" => await FullAsync(http, scope, filters, db, cancellationToken),
            _ => await CommitHistoryAsync(http, scope, filters, db, cancellationToken),
        };
    }

    private static async Task<IResult> LatestAsync(string treeName, string branch, IQueryCollection query, DashboardDb db, CancellationToken cancellationToken)
    {
        var givenOrigin = QueryValues.Optional(query, "origin");
        var origin = givenOrigin ?? TreeScope.DefaultOrigin;
        var commit = QueryValues.Optional(query, "commit_hash");
        var tree = await TreeLatest.FindAsync(db, treeName, branch, origin, commit, cancellationToken);
        if (tree is null)
        {
            var message = givenOrigin is null ? $"{TreeStrings.TreeNotFound} {TreeStrings.DefaultOriginNote} {TreeScope.DefaultOrigin}" : TreeStrings.TreeNotFound;
            return TypedResults.Json(new TreeLatestNotFound(message, new Dictionary<string, string?>
            {
                ["tree_name"] = treeName,
                ["git_branch"] = branch,
                ["origin"] = origin,
                ["commit_hash"] = commit,
            }));
        }

        var treePath = $"{Escape(tree.TreeName ?? "")}/{string.Join('/', (tree.GitBranch ?? "").Split('/').Select(Escape))}/{Escape(tree.CommitHash ?? "")}";
        var apiUrl = $"/api/tree/{treePath}/full?origin={Escape(origin)}";
        var oldApiUrl = $"/api/tree/{Escape(tree.CommitHash ?? "")}/full?origin={Escape(origin)}&git_url={Escape(tree.GitUrl ?? "")}&git_branch={Escape(branch)}";
        return TypedResults.Ok(new TreeLatestResponse(tree.GitUrl, tree.CommitHash, tree.CommitName, tree.Origin, apiUrl, oldApiUrl, tree.TreeName, tree.GitBranch));
    }

    private static async Task<IResult> CommitListAsync(HttpContext http, string treeName, string branch, DashboardDb db, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var page = PageRequest.From(query, ["last_checkout"]);
        var commits = await TreeLatest.CommitsAsync(db, treeName, branch, TreeScope.OriginFrom(query), QueryValues.Optional(query, "git_url"), cancellationToken);
        if (commits.Count == 0)
        {
            return Replies.UpstreamNotFound(TreeStrings.CommitsNotFound);
        }

        return TypedResults.Ok(Paging.Apply(http, commits, page, (c, _) => TreeSort.Time(c.LastCheckout), c => c.GitCommitHash ?? "", out _));
    }

    private static async Task<IResult> SummaryAsync(TreeScope scope, FilterSet filters, DashboardDb db, ILogger logger, CancellationToken cancellationToken)
    {
        var checkouts = await TreeCheckouts.FindAsync(db, scope, cancellationToken);
        var (summary, error) = await TreeSummaryReader.ReadAsync(db, checkouts, filters, cancellationToken);
        if (error == TreeStrings.NoBuilds)
        {
            TreesLog.CheckoutWithoutBuilds(logger, scope.Commit, scope.Origin);
        }

        return summary is null ? Replies.UpstreamNotFound(error!) : TypedResults.Ok(summary);
    }

    private static async Task<IResult> BuildsAsync(HttpContext http, TreeScope scope, FilterSet filters, DashboardDb db, ILogger logger,
        CancellationToken cancellationToken)
    {
        var page = PageRequest.From(http.Request.Query, ["start_time", "duration", "status", "config_name", "architecture", "compiler"]);
        var checkouts = await TreeCheckouts.FindAsync(db, scope, cancellationToken);
        if (checkouts.Count == 0)
        {
            return Replies.UpstreamNotFound(TreeStrings.NoResults);
        }

        var rows = await TreeRows.BuildsAsync(db, checkouts.Select(c => c.Id).ToList(), cancellationToken);
        if (rows.Count == 0)
        {
            TreesLog.CheckoutWithoutBuilds(logger, scope.Commit, scope.Origin);
            return Replies.UpstreamNotFound(TreeStrings.NoBuilds);
        }

        var builds = TreeItems.Builds(rows, checkouts, filters);
        return TypedResults.Ok(new TreeBuildsResponse(Paging.Apply(http, builds, page, (b, field) => field switch
        {
            "start_time" => TreeSort.Time(b.StartTime),
            "duration" => b.Duration,
            "status" => b.Status,
            "config_name" => b.ConfigName,
            "architecture" => b.Architecture,
            _ => b.Compiler,
        }, b => b.Id, out _)));
    }

    private static async Task<IResult> TestsAsync(HttpContext http, TreeScope scope, FilterSet filters, bool boots, DashboardDb db,
        CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var page = PageRequest.From(query, ["start_time", "duration", "status", "path"]);
        var fullMisc = Bool(query, "full_environment_misc");
        var checkouts = await TreeCheckouts.FindAsync(db, scope, cancellationToken);
        if (checkouts.Count == 0)
        {
            return Replies.UpstreamNotFound(TreeStrings.NoResults);
        }

        var kind = boots ? TreeRows.TestKind.Boots : TreeRows.TestKind.Tests;
        var rows = await TreeRows.TestsAsync(db, checkouts.Select(c => c.Id).ToList(), kind, withIncidentsOnly: false, cancellationToken,
            filters.BootPath, filters.TestPath, withEnvironmentMisc: fullMisc);
        var items = Paging.Apply(http, TreeItems.Tests(rows, filters, boots, fullMisc), page, (t, field) => field switch
        {
            "start_time" => TreeSort.Time(t.StartTime),
            "duration" => t.Duration,
            "status" => t.Status,
            _ => t.Path,
        }, t => t.Id, out _);
        // Upstream's TreeDetailsBootsResponse / TreeDetailsTestsResponse: one list, written item by item.
        return new JsonStream(async json =>
        {
            json.Writer.WriteStartObject();
            await TestItemWriter.WriteListAsync(json, boots ? "boots" : "tests", items);
            json.Writer.WriteEndObject();
        });
    }

    private static async Task<IResult> FullAsync(HttpContext http, TreeScope scope, FilterSet filters, DashboardDb db, CancellationToken cancellationToken)
    {
        var fullMisc = Bool(http.Request.Query, "full_environment_misc");
        var checkouts = await TreeCheckouts.FindAsync(db, scope, cancellationToken);
        var (summary, error) = await TreeSummaryReader.ReadAsync(db, checkouts, filters, cancellationToken);
        if (summary is null)
        {
            return Replies.UpstreamNotFound(error!);
        }

        var ids = checkouts.Select(c => c.Id).ToList();
        var builds = TreeItems.Builds(await TreeRows.BuildsAsync(db, ids, cancellationToken), checkouts, filters);
        var tests = await TreeRows.TestsAsync(db, ids, TreeRows.TestKind.All, withIncidentsOnly: false, cancellationToken, filters.BootPath,
            filters.TestPath, withEnvironmentMisc: fullMisc);
        var boots = TreeItems.Tests(tests, filters, boots: true, fullMisc);
        var testItems = TreeItems.Tests(tests, filters, boots: false, fullMisc);
        // Upstream's legacy TreeDetailsFullResponse, in its order: builds, boots, tests, common, summary, filters.
        return new JsonStream(async json =>
        {
            json.Writer.WriteStartObject();
            json.Property("builds", builds);
            await TestItemWriter.WriteListAsync(json, "boots", boots);
            await TestItemWriter.WriteListAsync(json, "tests", testItems);
            json.Property("common", summary.Common);
            json.Property("summary", summary.Summary);
            json.Property("filters", summary.Filters);
            json.Writer.WriteEndObject();
        });
    }

    private static async Task<IResult> CommitHistoryAsync(HttpContext http, TreeScope scope, FilterSet filters, DashboardDb db,
        CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var types = CommitTypes.From(query);
        var page = PageRequest.From(query, ["earliest_start_time"]);
        var start = QueryValues.Seconds(query, "start_timestamp_in_seconds");
        var end = QueryValues.Seconds(query, "end_timestamp_in_seconds");
        var commits = await TreeCommitHistory.FindAsync(db, scope, cancellationToken);
        if (commits is null || commits.Count == 0)
        {
            return Replies.UpstreamNotFound(TreeStrings.CommitsNotFound);
        }

        if (start is not null && end is not null)
        {
            // Upstream leaves out the commits whose checkouts started outside the period (BaseTreeCommitsHistory._process_rows).
            commits = commits.Where(c => c.Checkouts.Any(k => k.StartTime >= start && k.StartTime <= end)).ToList();
        }

        var items = await CommitCounter.CountAsync(db, commits, filters, types, cancellationToken);
        return TypedResults.Ok(Paging.Apply(http, items, page, (c, _) => TreeSort.Time(c.EarliestStartTime), c => c.GitCommitHash, out _));
    }

    private static async Task<IResult> CommitsHistoryAsync(HttpContext http, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var hashes = QueryValues.Csv(query, "commit_hashes", MaxCommitHashes);
        if (hashes.Count == 0)
        {
            return Replies.BadRequest("commit_hashes query parameter is required");
        }

        var types = CommitTypes.From(query);
        var filters = FilterParser.FromQuery(query);
        var page = PageRequest.From(query, ["earliest_start_time"]);
        var scope = new TreeScope("", TreeScope.OriginFrom(query), QueryValues.Optional(query, "git_url"), QueryValues.Optional(query, "git_branch"),
            QueryValues.Optional(query, "tree_name"));
        var commits = await TreeCommitHistory.ByHashAsync(db, scope, hashes, cancellationToken);
        if (commits.All(c => c.Checkouts.Count == 0))
        {
            return Replies.UpstreamNotFound(TreeStrings.CommitsNotFound);
        }

        // A commit without checkouts keeps its place with zero counts, as upstream's aggregate_commits.
        var now = DashboardSql.FormatTime(time.GetUtcNow());
        var items = (await CommitCounter.CountAsync(db, commits, filters, types, cancellationToken))
            .Select(c => c.EarliestStartTime is null ? c with { EarliestStartTime = now } : c).ToList();
        return TypedResults.Ok(Paging.Apply(http, items, page, (c, _) => TreeSort.Time(c.EarliestStartTime), c => c.GitCommitHash, out _));
    }

    private static bool Bool(IQueryCollection query, string name) => QueryValues.Optional(query, name)?.ToLowerInvariant() switch
    {
        null or "false" or "0" or "no" or "off" or "f" or "n" => false,
        "true" or "1" or "yes" or "on" or "t" or "y" => true,
        _ => throw new BadParameterException(name, "must be true or false"),
    };

    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
