namespace KernelCI.Dashboard.Issues;

/// <summary>An issue's first or last incident and the checkout it reached (upstream's Incident); the checkout fields
/// are null when the incident's build or test is not (yet) known.</summary>
internal sealed record Incident(
    string? FirstSeen, string? GitCommitHash, string? GitRepositoryUrl, string? GitRepositoryBranch,
    string? GitCommitName, string? TreeName, long? IssueVersion, string? CheckoutId);
