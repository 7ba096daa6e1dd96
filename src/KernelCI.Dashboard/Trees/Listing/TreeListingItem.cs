using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Listing;

/// <summary>One tree of `tree/` (upstream's TreeListingItem, kernelci/dashboard:backend/kernelCI_app/typeModels/treeListing.py): its newest checkout and that
/// checkout's builds, boots and tests as PASS/FAIL/INCONCLUSIVE.</summary>
internal sealed record TreeListingItem(string Id, GroupedStatus BuildStatus, GroupedStatus BootStatus, GroupedStatus TestStatus,
    string? TreeName, IReadOnlyList<string> GitCommitTags, string Origin, string? GitRepositoryUrl, string? GitRepositoryBranch,
    string? GitCommitHash, string? GitCommitName, string? StartTime);
