using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Commits;

/// <summary>One commit of `tree/{hash}/commits` and `tree/commits-history` (upstream's TreeCommitsData,
/// kernelci/dashboard:backend/kernelCI_app/typeModels/treeCommits.py): builds with upper-case status keys, boots and tests with lower-case ones.</summary>
internal sealed record CommitHistoryItem(string GitCommitHash, string? GitCommitName, IReadOnlyList<string> GitCommitTags,
    string? EarliestStartTime, StatusCounts Builds, LowerStatusCounts Boots, LowerStatusCounts Tests);
