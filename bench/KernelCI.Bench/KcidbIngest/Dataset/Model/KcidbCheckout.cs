namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record KcidbCheckout(
    string Id,
    string Origin,
    string TreeName,
    string GitRepositoryUrl,
    string GitCommitHash,
    string GitCommitName,
    string GitRepositoryBranch,
    IReadOnlyList<string> GitCommitTags,
    string GitCommitMessage,
    bool GitRepositoryBranchTip,
    string PatchsetHash,
    DateTimeOffset StartTime,
    bool Valid,
    CheckoutMisc Misc);
