using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Statuses;
using KernelCI.Dashboard.Trees;
using KernelCI.Dashboard.Trees.Commits;
using KernelCI.Dashboard.Web.Shared;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>The commit history chart's data through the query of `tree/{hash}/commits` (TreeCommitHistory and
/// CommitCounter: the shown commit and the ones before it, with the page's `filter_*`), counting only the open tab's kind;
/// each commit's link keeps the page's query but its cursor and group.</summary>
internal static class CommitHistoryReader
{
    public static async Task<CommitHistory> ReadAsync(DashboardDb db, TreeScope scope, FilterSet filters, string tab, string currentHash,
        IQueryCollection query, CancellationToken cancellationToken)
    {
        var commits = await TreeCommitHistory.FindAsync(db, scope, cancellationToken);
        if (commits is null || commits.Count == 0)
        {
            return CommitHistory.Empty;
        }

        var types = new CommitTypes(tab == "builds", tab == "boots", tab == "tests");
        var items = await CommitCounter.CountAsync(db, commits, filters, types, cancellationToken);
        var origin = scope.Origin == TreeScope.DefaultOrigin ? "" : "?origin=" + Uri.EscapeDataString(scope.Origin);
        var treeName = scope.TreeName!;
        var branch = scope.GitBranch!;
        // Another commit keeps the tab, filters and origin (as upstream's graph navigates), not this commit's page
        // of rows or open group.
        var kept = query.Where(q => q.Key is not ("cursor" or "group"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();
        var points = items.Select(i => new CommitHistoryPoint(i.GitCommitHash, i.GitCommitTags.Count > 0 ? string.Join(", ", i.GitCommitTags) : i.GitCommitName,
                i.EarliestStartTime, Tally(tab, i), new PageLink(TreeUrls.Details(treeName, branch, i.GitCommitHash), kept).With(),
                i.GitCommitHash == currentHash))
            .Reverse().ToList();
        var at = points.FindIndex(p => p.IsCurrent);
        var compare = at > 0
            ? $"{TreeUrls.Branch(treeName, branch)}/compare?hashA={TreeUrls.Escape(points[at - 1].Hash)}&hashB={TreeUrls.Escape(points[at].Hash)}"
                + (origin.Length == 0 ? "" : "&" + origin[1..])
            : null;
        return new CommitHistory(tab switch { "boots" => "Boots", "tests" => "Tests", _ => "Builds" }, points, compare);
    }

    private static StatusTally Tally(string tab, CommitHistoryItem item) => tab switch
    {
        "boots" => Lower(item.Boots),
        "tests" => Lower(item.Tests),
        _ => new StatusTally(item.Builds.Pass, item.Builds.Fail, Inconclusive(item.Builds)),
    };

    private static StatusTally Lower(LowerStatusCounts c) => new(c.Pass, c.Fail, c.Error + c.Skip + c.Miss + c.Done + c.Null);

    private static long Inconclusive(StatusCounts c) => c.Error + c.Skip + c.Miss + c.Done + c.Null;
}
