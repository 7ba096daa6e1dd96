using System.Text.Json.Nodes;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Hardware;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Trees;
using KernelCI.Dashboard.Trees.Items;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Hardware;

/// <summary>Reads a hardware's page through the queries of `hardware/{id}` (HardwareDetailsQuery, HardwareDetails:
/// docs/dashboard-api.md, "Hardware"): one read of the selected trees' rows gives the summary, the lists and each
/// tree's counts; the open tab is paged on the server. The trees shown are `treeIndexes` (repeated), all without it,
/// as upstream's treeIndexes (kernelci/dashboard:dashboard/src/routes/_main/hardware/$hardwareId/route.tsx).</summary>
internal static class HardwareDetailsReader
{
    private static readonly string[] BuildSorts = ["start_time", "duration", "status", "config_name", "architecture", "compiler"];

    public static async Task<HardwareDetailsView?> ReadAsync(DashboardDb db, HttpContext http, string hardware, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var tab = QueryValues.Optional(query, "tab") ?? "builds";
        if (tab is not ("builds" or "boots" or "tests"))
        {
            throw new BadParameterException("tab", "must be builds, boots or tests");
        }

        var days = HardwarePages.Days(query);
        var origin = HardwarePages.Origin(query);
        var status = TableStatus.From(query);
        var filters = FilterParser.FromQuery(query);
        var page = PagePaging.From(query, tab == "builds" ? BuildSorts : [], tab == "builds" ? "status" : null);
        var end = time.GetUtcNow();
        var start = end.AddDays(-days);
        var hardwareQuery = new HardwareDetailsQuery(db);
        var trees = await hardwareQuery.TreesAsync(hardware, origin, start, end, cancellationToken);
        if (trees.Count == 0)
        {
            return null;
        }

        var chosen = Chosen(query, trees.Count);
        var selected = trees.Select(t => t with { IsSelected = chosen is null || chosen.Contains(t.Index) }).ToList();
        var request = new HardwareDetailsRequest(origin, start, end,
            chosen?.ToDictionary(i => i, _ => "head", StringComparer.Ordinal) ?? [], filters);
        // As the API's summary: counts from the aggregates unless a filter needs test rows; then only the open tab's
        // kind of test rows is read for its list (the builds tab needs none).
        var fromAggregates = !TreeFilterKinds.NeedsTestRows(filters);
        var rows = fromAggregates
            ? await hardwareQuery.SummaryRowsAsync(hardware, request, selected, cancellationToken)
            : await hardwareQuery.RecordsAsync(hardware, request, selected, withEnvironmentMisc: false, cancellationToken);
        var details = HardwareDetails.From(hardware, filters, rows, fullEnvironmentMisc: false);
        var summary = details.Summary();
        var common = details.Common(selected);
        var part = summary[tab];
        TreeBuildsTab? builds = null;
        TreeTestsTab? tests = null;
        if (tab == "builds")
        {
            builds = Builds(http, details, part, status, page);
        }
        else
        {
            var listed = fromAggregates
                ? HardwareDetails.From(hardware, filters,
                    await hardwareQuery.RecordsAsync(hardware, request, selected, withEnvironmentMisc: false, cancellationToken, boots: tab == "boots"),
                    fullEnvironmentMisc: false)
                : details;
            tests = Tests(http, tab, tab == "boots" ? listed.Boots : listed.Tests, part, status, page);
        }

        var link = PageLink.From(HardwareUrls.Details(hardware), query);
        var command = $"kci-dev results hardware {tab} --name '{hardware}'" + (origin == HardwarePages.DefaultOrigin ? "" : $" --origin {origin}");
        var active = query.Where(q => q.Key.StartsWith("filter_", StringComparison.Ordinal))
            .SelectMany(q => q.Value.Select(v => (q.Key, v ?? ""))).ToList();
        return new HardwareDetailsView(link, hardware, Compatibles(common), days, origin, tab, Trees(selected, common, chosen is not null),
            HardwareSummaryJson.Tally(summary["builds"]?["status"]), HardwareSummaryJson.Tally(summary["boots"]?["status"]),
            HardwareSummaryJson.Tally(summary["tests"]?["status"]), HardwareSummaryJson.Named(part?["labs"]),
            tab == "builds" ? [] : HardwareSummaryJson.Named(part?["configs"]),
            tab == "builds" ? [] : HardwareSummaryJson.TestArchitectures(part?["architectures"]), active, command, builds, tests);
    }

    /// <summary>The tree indexes asked for, null for all; an index the window does not have is refused.</summary>
    private static HashSet<string>? Chosen(IQueryCollection query, int count)
    {
        var values = query["treeIndexes"];
        if (values.Count == 0)
        {
            return null;
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= count)
            {
                throw new BadParameterException("treeIndexes", $"'{value}' is not the index of one of the {count} trees");
            }

            chosen.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return chosen;
    }

    private static TreeBuildsTab Builds(HttpContext http, HardwareDetails details, JsonNode? part, string status, PageRequest page)
    {
        var items = details.Builds.Where(b => TableStatus.Matches(status, b.Status)).ToList();
        var shown = Paging.Apply(http, items, page, (b, field) => field switch
        {
            "start_time" => b.StartTime,
            "duration" => b.Duration,
            "status" => b.Status,
            "config_name" => b.ConfigName,
            "architecture" => b.Architecture,
            _ => b.Compiler,
        }, b => b.Id, out var next);
        return new TreeBuildsTab(StatusBreakdown.From(HardwareSummaryJson.Counts(part?["status"])), HardwareSummaryJson.BuildArchitectures(part?["architectures"]),
            HardwareSummaryJson.Named(part?["configs"]), HardwareSummaryJson.Issues(part?["issues"]), HardwareSummaryJson.Number(part?["unknown_issues"]),
            status, page.Limit!.Value, next, items.Count,
            shown.Select(b => new TreeBuildRow(b.Id, b.ConfigName, b.Architecture, b.Compiler, b.StartTime, b.Duration, b.Status, Lab(b.Misc),
                TreeUrls.Build(b.Id))).ToList());
    }

    private static TreeTestsTab Tests(HttpContext http, string tab, List<HardwareTestItem> list, JsonNode? part, string status, PageRequest page)
    {
        // One level of the path hierarchy is paged, as on the tree pages.
        var items = list.Where(t => TableStatus.Matches(status, t.Status))
            .Select(t => new TestItem(t.Id, t.Origin, t.Status, t.Duration, t.Path ?? "", t.StartTime, t.EnvironmentCompatible, t.Config, t.LogUrl,
                t.Architecture, t.Compiler, t.EnvironmentMisc?["platform"]?.GetValue<string>(), null, t.Lab))
            .ToList();
        var (group, groups, tests) = TestGroupLevel.Page(http, items, page, out var next);
        return new TreeTestsTab(tab, StatusBreakdown.From(HardwareSummaryJson.Counts(part?["status"])), HardwareSummaryJson.Named(part?["platforms"]),
            HardwareSummaryJson.Issues(part?["issues"]), status, page.Limit!.Value, next, items.Count, group, groups, tests);
    }

    private static List<HardwareTreeRow> Trees(List<HardwareTree> trees, JsonObject common, bool chosen)
    {
        var counts = common["trees"] as JsonArray ?? [];
        return trees.Select((t, i) =>
        {
            var status = counts.Count > i ? counts[i]?["selected_commit_status"] : null;
            var url = t is { TreeName: { } name, GitRepositoryBranch: { } branch, HeadGitCommitHash: { } hash } ? TreeUrls.Details(name, branch, hash) : null;
            return new HardwareTreeRow(t.Index, t.TreeName, t.GitRepositoryBranch, t.GitRepositoryUrl, t.HeadGitCommitHash, t.HeadGitCommitName,
                t.HeadGitCommitTag ?? [], !chosen || t.IsSelected == true,
                status is null ? null : HardwareSummaryJson.Tally(status["builds"]), status is null ? null : HardwareSummaryJson.Tally(status["boots"]),
                status is null ? null : HardwareSummaryJson.Tally(status["tests"]), url);
        }).ToList();
    }

    private static List<string> Compatibles(JsonObject common) =>
        common["compatibles"] is JsonArray list ? list.Select(c => c?.GetValue<string>() ?? "").ToList() : [];

    private static string? Lab(JsonNode? misc) => misc is JsonObject o && o["lab"] is JsonValue lab && lab.TryGetValue(out string? text) ? text : null;
}
