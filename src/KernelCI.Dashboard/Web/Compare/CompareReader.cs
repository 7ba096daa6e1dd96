using System.Text.RegularExpressions;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Trees;
using KernelCI.Dashboard.Trees.Compare;
using KernelCI.Dashboard.Trees.Latest;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Compare;

/// <summary>Reads the compare page through the compare API's own queries (CompareQuery, ComparePairing: docs/dashboard-api.md,
/// "Tree report, compare and status history") and the branch's commits (TreeLatest, as `tree/{name}/{branch}/commits`).
/// B defaults to the branch head and A to the commit before B, so A → B reads old → new.</summary>
internal static partial class CompareReader
{
    /// <summary>How many of the branch's newest commits the pickers offer (a chosen older one is added).</summary>
    public const int PickerCommits = 30;

    /// <summary>The page, or why there is none (an unknown tree, branch or commit: the 404 page).</summary>
    public static async Task<(CompareView? View, string? NotFound)> ReadAsync(DashboardDb db, HttpContext http, string treeName, string branch, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var origin = TreeScope.OriginFrom(query);
        var tab = QueryValues.Optional(query, "tab") ?? "builds";
        if (tab is not ("builds" or "boots" or "tests"))
        {
            throw new BadParameterException("tab", "must be builds, boots or tests");
        }

        var change = QueryValues.Optional(query, "change") ?? CompareChange.All;
        if (!CompareChange.IsKnown(change))
        {
            throw new BadParameterException("change", "must be all, " + string.Join(", ", CompareChange.Kinds.Select(k => k.Key)));
        }

        var hashA = Hash(query, "hashA");
        var hashB = Hash(query, "hashB");
        var page = PagePaging.From(query, [], null);

        var commits = (await TreeLatest.CommitsAsync(db, treeName, branch, origin, null, cancellationToken))
            .Where(c => c.GitCommitHash is not null)
            .Select(c => new CompareRevision(c.GitCommitHash!, c.GitCommitName, c.GitCommitTags, c.LastCheckout)).ToList();
        if (commits.Count == 0)
        {
            return (null, $"No commit of {treeName} {branch} from origin {origin}.");
        }

        var b = hashB is null ? commits[0] : Find(commits, hashB);
        var a = hashA is null ? (b is null ? null : commits.ElementAtOrDefault(commits.IndexOf(b) + 1)) : Find(commits, hashA);
        if ((hashA is not null && a is null) || (hashB is not null && b is null))
        {
            return (null, $"No checkout of {(hashA is not null && a is null ? hashA : hashB)} on {treeName} {branch} from origin {origin}.");
        }

        var revisions = commits.Take(PickerCommits).ToList();
        revisions.AddRange(new[] { a, b }.OfType<CompareRevision>().Where(r => !revisions.Contains(r)).Distinct().ToList());
        var link = PageLink.From(CompareUrls.Page(treeName, branch), query);
        var originQuery = origin == TreeScope.DefaultOrigin ? "" : "origin=" + Uri.EscapeDataString(origin);
        if (a is null)
        {
            // Nothing to compare: the API's list of the branch's commits instead.
            var commitsUrl = $"/api{TreeUrls.Branch(treeName, branch)}/commits" + (originQuery.Length == 0 ? "" : "?" + originQuery);
            return (new CompareView(link, treeName, branch, origin, revisions, null, b, [], tab, change, [], 0, page.Limit!.Value, null, commitsUrl), null);
        }

        var apiUrl = $"/api{CompareUrls.Page(treeName, branch)}?hash_a={Uri.EscapeDataString(a.Hash)}&hash_b={Uri.EscapeDataString(b!.Hash)}"
            + (originQuery.Length == 0 ? "" : "&" + originQuery);

        var sides = await CompareSides.ReadAsync(db, treeName, branch, origin, a.Hash, b.Hash, tab, cancellationToken);
        var listed = sides.Rows.Where(r => change == CompareChange.All || r.Change == change).ToList();
        var shown = Paging.Apply(http, listed, page, (_, _) => null, r => r.Key, out var next);
        return (new CompareView(link, treeName, branch, origin, revisions, a, b, sides.Matrix, tab, change, shown, listed.Count, page.Limit!.Value,
            next, apiUrl)
        {
            Command = sides.GitUrl is null ? null
                : $"kci-dev results compare --giturl '{sides.GitUrl}' --branch '{branch}' {a.Hash} {b.Hash}"
                    + (origin == TreeScope.DefaultOrigin ? "" : $" --origin {origin}"),
        }, null);
    }

    // A hash or its start, as people paste short hashes.
    private static CompareRevision? Find(List<CompareRevision> commits, string hash) =>
        commits.FirstOrDefault(c => c.Hash.StartsWith(hash, StringComparison.OrdinalIgnoreCase));

    private static string? Hash(IQueryCollection query, string name)
    {
        var value = QueryValues.Optional(query, name);
        return value is null || CommitHash().IsMatch(value)
            ? value
            : throw new BadParameterException(name, $"'{value}' is not a commit hash (hexadecimal, 4 to 64 digits)");
    }

    [GeneratedRegex("^[0-9a-fA-F]{4,64}$")]
    private static partial Regex CommitHash();
}
