using System.Text.Json.Nodes;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Statuses;
using KernelCI.Dashboard.Trees;
using KernelCI.Dashboard.Trees.Items;
using KernelCI.Dashboard.Trees.Summary;
using KernelCI.Dashboard.Web.Live;
using KernelCI.Dashboard.Web.Shared;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>Reads a commit's page through the queries of `tree/{name}/{branch}/{hash}/summary|builds|boots|tests`
/// (TreeCheckouts, TreeSummaryReader, TreeRows, TreeItems: docs/dashboard-api.md, "Trees"), with the same `filter_*`
/// parameters, and pages the open tab on the server.</summary>
internal static class TreeDetailsReader
{
    private static readonly string[] BuildSorts = ["start_time", "duration", "status", "config_name", "architecture", "compiler"];

    public static async Task<TreeDetailsView?> ReadAsync(DashboardDb db, HttpContext http, TreePageRoute route, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var tab = QueryValues.Optional(query, "tab") ?? "builds";
        if (tab is not ("builds" or "boots" or "tests"))
        {
            throw new BadParameterException("tab", "must be builds, boots or tests");
        }

        var status = TableStatus.From(query);
        var filters = FilterParser.FromQuery(query);
        var scope = TreeScope.Direct(route.TreeName, route.Branch, route.Commit!, query);
        var checkouts = await TreeCheckouts.FindAsync(db, scope, cancellationToken);
        if (checkouts.Count == 0)
        {
            return null;
        }

        var head = checkouts[0];
        var ids = checkouts.Select(c => c.Id).ToList();
        var buildRows = await TreeRows.BuildsAsync(db, ids, cancellationToken);
        var (summary, message) = await TreeSummaryReader.ReadAsync(db, checkouts, buildRows, filters, cancellationToken);
        var link = PageLink.From(TreeUrls.Details(route.TreeName, route.Branch, route.Commit!), query);
        TreeBuildsTab? builds = null;
        TreeTestsTab? tests = null;
        if (summary is not null && tab == "builds")
        {
            builds = BuildsTab(http, checkouts, buildRows, summary.Summary.Builds, filters, status);
        }
        else if (summary is not null)
        {
            tests = await TestsAsync(db, http, ids, tab, tab == "boots" ? summary.Summary.Boots : summary.Summary.Tests, filters, status, cancellationToken);
        }

        // Issues are marked new when this commit is where they were first seen.
        if (builds is not null)
        {
            builds = builds with { Issues = await IssueFirstSeen.AddAsync(db, builds.Issues, head.CommitHash, cancellationToken) };
        }

        if (tests is not null)
        {
            tests = tests with { Issues = await IssueFirstSeen.AddAsync(db, tests.Issues, head.CommitHash, cancellationToken) };
        }

        var command = $"kci-dev results {tab} --giturl '{head.GitUrl}' --branch '{head.GitBranch}' --commit {head.CommitHash}"
            + (scope.Origin == TreeScope.DefaultOrigin ? "" : $" --origin {scope.Origin}");
        var active = query.Where(q => q.Key.StartsWith("filter_", StringComparison.Ordinal))
            .SelectMany(q => q.Value.Select(v => (q.Key, v ?? ""))).ToList();
        return new TreeDetailsView(link, route.TreeName, route.Branch, head.CommitHash ?? route.Commit!, head.CommitName, head.Tags, head.GitUrl,
            scope.Origin, DashboardSql.FormatTime(head.StartTime), tab,
            Tally(summary?.Summary.Builds.Status), Tally(summary?.Summary.Boots.Status), Tally(summary?.Summary.Tests.Status),
            active, command, message, builds, tests)
        {
            Live = await LivePages.LinkAsync(db, route, query, ids, updatesCounts: active.Count == 0, cancellationToken),
            History = await CommitHistoryReader.ReadAsync(db, scope, filters, tab, head.CommitHash ?? route.Commit!, query, cancellationToken),
        };
    }

    private static TreeBuildsTab BuildsTab(HttpContext http, IReadOnlyList<CheckoutRow> checkouts, IReadOnlyList<BuildRow> rows,
        BuildSummary summary, FilterSet filters, string status)
    {
        // Failures first unless the URL asks otherwise: statuses sort ERROR, FAIL, MISS, PASS.
        var page = PagePaging.From(http.Request.Query, BuildSorts, "status");
        var items = TreeItems.Builds(rows, checkouts, filters)
            .Where(b => TableStatus.Matches(status, b.Status)).ToList();
        var shown = Paging.Apply(http, items, page, (b, field) => field switch
        {
            "start_time" => TreeSort.Time(b.StartTime),
            "duration" => b.Duration,
            "status" => b.Status,
            "config_name" => b.ConfigName,
            "architecture" => b.Architecture,
            _ => b.Compiler,
        }, b => b.Id, out var next);
        return new TreeBuildsTab(StatusBreakdown.From(summary.Status),
            summary.Architectures.Select(a => new ArchitectureCount(a.Key, a.Value.Compilers,
                new StatusTally(a.Value.Pass, a.Value.Fail, a.Value.Error + a.Value.Skip + a.Value.Miss + a.Value.Done + a.Value.Null))).ToList(),
            summary.Configs.Select(c => new NamedCount(c.Key, Tally(c.Value))).ToList(),
            Issues(summary.Issues), summary.UnknownIssues, status, page.Limit!.Value, next, items.Count,
            shown.Select(b => new TreeBuildRow(b.Id, b.ConfigName, b.Architecture, b.Compiler, b.StartTime, b.Duration, b.Status, Lab(b.Misc),
                TreeUrls.Build(b.Id))).ToList());
    }

    private static async Task<TreeTestsTab> TestsAsync(DashboardDb db, HttpContext http, List<string> ids, string tab, TestSummary summary,
        FilterSet filters, string status, CancellationToken cancellationToken)
    {
        var boots = tab == "boots";
        // One level of the hierarchy is shown and paged: the open group's sub-groups, then its own tests.
        var page = PagePaging.From(http.Request.Query, [], null);
        var kind = boots ? TreeRows.TestKind.Boots : TreeRows.TestKind.Tests;
        string group;
        IReadOnlyList<TestPathNode> groups;
        IReadOnlyList<TreeTestRow> tests;
        string? next;
        long matching;
        if (TreeFilterKinds.IsEmpty(filters))
        {
            // Without filters the hierarchy needs only counts per path and status; the rows read are the open group's
            // own tests (none at the top), so a commit with 100,000 tests costs one grouped scan, not 100,000 rows.
            var counts = (await TreeRows.TestPathCountsAsync(db, ids, boots, cancellationToken))
                .Where(c => TableStatus.Matches(status, c.Status)).Select(c => new PathStatusCount(c.Path, c.Status, c.Tests)).ToList();
            var open = TestGroupLevel.Group(http);
            var level = open.Length == 0
                ? []
                : TreeItems.Tests(await TreeRows.TestsAsync(db, ids, kind, withIncidentsOnly: false, cancellationToken, level: open), filters, boots,
                        fullEnvironmentMisc: false)
                    .Where(t => TableStatus.Matches(status, t.Status) && TestHierarchy.GroupOf(t.Path) == open)
                    .OrderBy(t => t.Path, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal).Select(TestHierarchy.Row).ToList();
            (group, groups, tests) = TestGroupLevel.Page(http, TestHierarchy.Build(counts), level, page, out next);
            matching = counts.Sum(c => c.Tests);
        }
        else
        {
            var rows = await TreeRows.TestsAsync(db, ids, kind, withIncidentsOnly: false, cancellationToken, filters.BootPath, filters.TestPath);
            var items = TreeItems.Tests(rows, filters, boots, fullEnvironmentMisc: false).Where(t => TableStatus.Matches(status, t.Status)).ToList();
            (group, groups, tests) = TestGroupLevel.Page(http, items, page, out next);
            matching = items.Count;
        }

        var hardware = summary.EnvironmentCompatible.Concat(summary.EnvironmentMisc)
            .Select(h => new NamedCount(h.Key, Tally(h.Value))).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        return new TreeTestsTab(tab, StatusBreakdown.From(summary.Status), hardware, Issues(summary.Issues), status, page.Limit!.Value, next,
            (int)matching, group, groups, tests);
    }

    private static List<IssueCount> Issues(IReadOnlyList<IssueSummary> issues) =>
        issues.Select(i => new IssueCount(i.Id, i.Version, i.Comment, i.ReportUrl, i.IncidentsInfo.Total)).ToList();

    private static StatusTally Tally(StatusCounts? counts) =>
        counts is null ? StatusTally.Empty : new StatusTally(counts.Pass, counts.Fail, counts.Error + counts.Skip + counts.Miss + counts.Done + counts.Null);

    private static StatusTally Tally(SortedDictionary<string, long> byStatus) => new(byStatus.GetValueOrDefault("PASS"), byStatus.GetValueOrDefault("FAIL"),
        byStatus.Where(s => s.Key is not ("PASS" or "FAIL")).Sum(s => s.Value));

    private static string? Lab(JsonNode? misc) => misc is JsonObject o && o["lab"] is JsonValue lab && lab.TryGetValue(out string? text) ? text : null;
}
