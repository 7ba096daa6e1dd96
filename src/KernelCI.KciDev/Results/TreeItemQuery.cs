using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;

namespace KernelCI.KciDev.Results;

/// <summary>The query of `tree/{sha}/builds|boots|tests` as upstream sends it (kernelci/kci-dev:kcidev/libs/dashboard.py):
/// origin, tree URL and branch, then the optional arch, tree name and dates (the dates are also applied here, on
/// each item's start time, since the dashboard ignores them).</summary>
internal static class TreeItemQuery
{
    public static List<KeyValuePair<string, string?>> For(CommandSession session, RevisionOptions options, ItemFilterOptions filters, Revision revision) =>
    [
        new("origin", revision.Origin),
        new("git_url", revision.GitUrl),
        new("git_branch", revision.Branch),
        new("filter_architecture", session.Value(options.Arch)),
        new("filter_tree_name", session.Value(options.Tree)),
        new("filter_start_date", session.Value(filters.StartDate)),
        new("filter_end_date", session.Value(filters.EndDate)),
    ];
}
