using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;

namespace KernelCI.Dashboard.Issues;

/// <summary>GET issue/'s steps after the read, as upstream's IssueView (kernelci/dashboard:
/// backend/kernelCI_app/views/issueView.py): the filter values are gathered from every issue of the window, the
/// issue filters applied (helpers/issueListing.py), then issues with incidents whose versions reach no tree are
/// dropped. Issues without any incident stay, without an extra.</summary>
internal static class IssueListingBuilder
{
    public static async Task<IssueListing> BuildAsync(DashboardDb db, IReadOnlyList<IssueRow> rows, FilterSet filters, CancellationToken cancellationToken)
    {
        var origins = new SortedSet<string>(StringComparer.Ordinal);
        var culprits = new SortedSet<string>(StringComparer.Ordinal);
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        var kept = new List<IssueRow>();
        foreach (var issue in rows)
        {
            origins.Add(issue.Origin);
            if (issue.CulpritCode == true)
            {
                culprits.Add("code");
            }

            if (issue.CulpritHarness == true)
            {
                culprits.Add("harness");
            }

            if (issue.CulpritTool == true)
            {
                culprits.Add("tool");
            }

            categories.UnionWith(issue.Categories ?? []);
            if (Passes(filters, issue))
            {
                kept.Add(issue);
            }
        }

        var extras = await IssueExtras.ReadAsync(db, kept.Select(i => (i.Id, i.Version)).ToList(), cancellationToken);
        var withoutTrees = new HashSet<string>(StringComparer.Ordinal);
        var firstIncidents = new Dictionary<string, Incident>(StringComparer.Ordinal);
        foreach (var (id, extra) in extras)
        {
            foreach (var version in extra.Versions.Values)
            {
                if (version is null || version.Trees.Count == 0)
                {
                    withoutTrees.Add(id);
                }
                else
                {
                    firstIncidents[id] = extra.FirstIncident;
                }
            }
        }

        return new IssueListing(kept.Where(i => !withoutTrees.Contains(i.Id)).ToList(), firstIncidents,
            new IssueListingFilters([.. origins], [.. culprits], [.. categories]));
    }

    /// <summary>Upstream's should_discard_issue_record, negated: any wanted culprit, the origin, hasIncident, any
    /// wanted category.</summary>
    public static bool Passes(FilterSet filters, IssueRow issue) =>
        (filters.IssueCulprits.Count == 0
            || (issue.CulpritCode == true && filters.IssueCulprits.Contains("code"))
            || (issue.CulpritHarness == true && filters.IssueCulprits.Contains("harness"))
            || (issue.CulpritTool == true && filters.IssueCulprits.Contains("tool")))
        && (filters.Origins.Count == 0 || filters.Origins.Contains(issue.Origin))
        && (filters.IssueOptions.Count == 0 || (filters.IssueOptions.Contains("hasIncident") && issue.HasIncident))
        && (filters.IssueCategories.Count == 0 || (issue.Categories ?? []).Any(filters.IssueCategories.Contains));
}
