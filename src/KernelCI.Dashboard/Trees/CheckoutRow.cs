namespace KernelCI.Dashboard.Trees;

/// <summary>The checkout columns the tree endpoints show.</summary>
internal sealed record CheckoutRow(string Id, string Origin, string? TreeName, string? GitUrl, string? GitBranch,
    string? CommitHash, string? CommitName, string[] Tags, DateTimeOffset? StartTime);
