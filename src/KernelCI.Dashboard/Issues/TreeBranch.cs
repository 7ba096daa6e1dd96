namespace KernelCI.Dashboard.Issues;

internal sealed record TreeBranch(string? TreeName, string? GitRepositoryBranch);
