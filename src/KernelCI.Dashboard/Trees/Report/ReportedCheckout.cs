using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Report;

/// <summary>The checkout a tree report is about: the tree's newest in the age window, with the counts of every checkout
/// of the same commit in the same tree (upstream's tree-listing row); <see cref="Id"/> is the greatest of their ids,
/// whose failed builds' issues the report lists, as upstream's MAX(checkouts.id).</summary>
internal sealed record ReportedCheckout(
    string Id,
    string? TreeName,
    string? GitRepositoryBranch,
    string? GitRepositoryUrl,
    string CommitHash,
    string? CommitName,
    DateTimeOffset? StartTime,
    StatusCounts Builds,
    StatusCounts Boots,
    StatusCounts Tests);
