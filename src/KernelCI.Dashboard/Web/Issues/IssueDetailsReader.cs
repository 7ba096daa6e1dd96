using System.Text.Json.Nodes;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Issues;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Issues;

/// <summary>Reads an issue version's page through the queries of `issue/{id}`, `issue/{id}/builds` and
/// `issue/{id}/tests` (IssueQueries, IssueExtras: docs/dashboard-api.md, "Issues"); the open list is paged on the
/// server. Without `version` the page shows the latest one, as upstream.</summary>
internal static class IssueDetailsReader
{
    private static readonly string[] BuildSorts = ["start_time", "status", "config_name", "architecture"];

    private static readonly string[] TestSorts = ["start_time", "status", "path"];

    public static async Task<IssueDetailsView?> ReadAsync(DashboardDb db, HttpContext http, string id, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var tab = QueryValues.Optional(query, "tab") ?? "builds";
        if (tab is not ("builds" or "tests"))
        {
            throw new BadParameterException("tab", "must be builds or tests");
        }

        // `issueVersion` is upstream's name (kernelci/dashboard:dashboard/src/routes/_main/issue/$issueId/route.tsx).
        var versionName = QueryValues.Optional(query, "version") is null ? "issueVersion" : "version";
        long? asked = QueryValues.Optional(query, versionName) is null ? null : QueryValues.Int(query, versionName, 0, 0);
        var page = PagePaging.From(query, tab == "builds" ? BuildSorts : TestSorts, "start_time", newestFirst: true);
        var latest = await IssueQueries.LatestVersionAsync(db, id, cancellationToken);
        var version = asked ?? latest;
        if (latest is null || version is null || await IssueQueries.DetailsAsync(db, id, version.Value, cancellationToken) is not { } found)
        {
            return null;
        }

        var extras = await IssueExtras.ReadAsync(db, [(id, version.Value)], cancellationToken);
        var extra = extras.GetValueOrDefault(id);
        var trees = extra?.Versions.GetValueOrDefault(version.Value);
        var builds = await IssueQueries.BuildsAsync(db, id, version, null, cancellationToken);
        var tests = await IssueQueries.TestsAsync(db, id, version, null, cancellationToken);
        string? next = null;
        IReadOnlyList<IssueBuildRow> buildRows = [];
        IReadOnlyList<IssueTestRow> testRows = [];
        if (tab == "builds")
        {
            buildRows = Paging.Apply(http, builds, page, (b, field) => field switch
            {
                "status" => b.Status,
                "config_name" => b.ConfigName,
                "architecture" => b.Architecture,
                _ => b.StartTime,
            }, b => b.Id, out next).Select(b => new IssueBuildRow(b.Id, b.ConfigName, b.Architecture, b.Compiler, b.Status, b.StartTime,
                Tree(b.TreeName, b.GitRepositoryBranch), TreeUrls.Build(b.Id))).ToList();
        }
        else
        {
            testRows = Paging.Apply(http, tests, page, (t, field) => field switch
            {
                "status" => t.Status,
                "path" => t.Path,
                _ => t.StartTime,
            }, t => t.Id, out next).Select(t => new IssueTestRow(t.Id, t.Path, t.Status, Platform(t.EnvironmentMisc), t.StartTime,
                Tree(t.TreeName, t.GitRepositoryBranch), "/test/" + Uri.EscapeDataString(t.Id))).ToList();
        }

        var row = found.Row;
        var (firstTree, firstUrl) = IssuePages.Where(extra?.FirstIncident);
        // kci-dev's issue command (kci-dev: kcidev/subcommands/results/__init__.py, issue) takes the id and origin.
        var command = $"kci-dev results issue --id '{id}'" + (row.Origin == "maestro" ? "" : $" --origin {row.Origin}");
        return new IssueDetailsView(PageLink.From("/issue/" + Uri.EscapeDataString(id), query), id, version.Value, latest.Value, row.Comment, row.Origin,
            IssueCulprit.Words(row.CulpritCode, row.CulpritTool, row.CulpritHarness), found.ReportUrl, found.ReportSubject, row.Categories ?? [],
            row.FieldTimestamp, extra?.FirstIncident.FirstSeen, firstTree, firstUrl, extra?.LastIncident.FirstSeen,
            trees?.Trees.Select(t => Tree(t.TreeName, t.GitRepositoryBranch) ?? "-").Distinct().ToList() ?? [], trees?.Tags.ToList() ?? [],
            tab, builds.Count, tests.Count, buildRows, testRows, page.Limit!.Value, next, command);
    }

    private static string? Tree(string? tree, string? branch) => tree is null && branch is null ? null : $"{tree ?? "-"} / {branch ?? "-"}";

    private static string? Platform(JsonNode? misc) => misc is JsonObject o && o["platform"] is JsonValue v && v.TryGetValue(out string? text) ? text : null;
}
