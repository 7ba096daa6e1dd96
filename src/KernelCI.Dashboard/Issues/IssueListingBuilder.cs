using KernelCI.Dashboard.Filters;

namespace KernelCI.Dashboard.Issues;

/// <summary>GET issue/'s steps after the read, as upstream's IssueView (kernelci/dashboard:
/// backend/kernelCI_app/views/issueView.py): the filter values are gathered from every issue of the window, the
/// issue filters applied (helpers/issueListing.py), then issues with incidents whose versions reach no tree are
/// dropped. Issues without any incident stay, without an extra; an issue with incidents gets its first incident in
/// `extras` when any of its kept versions reaches a tree, even if another version drops it (upstream's
/// _filter_records_by_extras).</summary>
internal static class IssueListingBuilder
{
    public static IssueListing Build(IReadOnlyList<IssueListingRow> rows, FilterSet filters)
    {
        var origins = new SortedSet<string>(StringComparer.Ordinal);
        var culprits = new SortedSet<string>(StringComparer.Ordinal);
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        var kept = new List<IssueListingRow>();
        foreach (var row in rows)
        {
            var issue = row.Issue;
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
                kept.Add(row);
            }
        }

        var withoutTrees = new HashSet<string>(StringComparer.Ordinal);
        // By id, as the answer has always listed them (upstream's order is the database's).
        var firstIncidents = new SortedDictionary<string, Incident>(StringComparer.Ordinal);
        foreach (var row in kept)
        {
            if (row.FirstIncident is not { } first)
            {
                continue;
            }

            if (row.HasTree)
            {
                firstIncidents.TryAdd(row.Issue.Id, first);
            }
            else
            {
                withoutTrees.Add(row.Issue.Id);
            }
        }

        var issues = new List<IssueRow>(kept.Count);
        foreach (var row in kept)
        {
            if (!withoutTrees.Contains(row.Issue.Id))
            {
                issues.Add(row.Issue);
            }
        }

        return new IssueListing(issues, firstIncidents, new IssueListingFilters([.. origins], [.. culprits], [.. categories]));
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
