using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Issues;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>Adds each issue's first sighting from the query behind `issue/extras/` (IssueExtras), as upstream's issue
/// cards do (kernelci/dashboard:dashboard/src/components/Cards/IssuesList.tsx): the issue is new on a commit when its
/// first incident is on that commit.</summary>
internal static class IssueFirstSeen
{
    public static async Task<IReadOnlyList<IssueCount>> AddAsync(DashboardDb db, IReadOnlyList<IssueCount> issues, string? commit,
        CancellationToken cancellationToken)
    {
        if (issues.Count == 0)
        {
            return issues;
        }

        var extras = await IssueExtras.ReadAsync(db, issues.Select(i => (i.Id, i.Version)).ToList(), cancellationToken);
        return issues.Select(i => extras.TryGetValue(i.Id, out var extra)
            ? i with { FirstSeen = extra.FirstIncident.FirstSeen, IsNew = commit is not null && extra.FirstIncident.GitCommitHash == commit }
            : i).ToList();
    }
}
