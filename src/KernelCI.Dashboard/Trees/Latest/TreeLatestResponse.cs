namespace KernelCI.Dashboard.Trees.Latest;

/// <summary>`tree/{name}/{branch}` (upstream's TreeLatestResponse, kernelci/dashboard:backend/kernelCI_app/typeModels/treeDetails.py).</summary>
internal sealed record TreeLatestResponse(string? GitRepositoryUrl, string? GitCommitHash, string? GitCommitName, string Origin,
    string ApiUrl, string OldApiUrl, string? TreeName, string? GitRepositoryBranch);
