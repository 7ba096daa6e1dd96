namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>The checkout standing for one commit of the tree: its most recently written one.</summary>
internal sealed record CompareCheckout(string Id, string? GitUrl);
