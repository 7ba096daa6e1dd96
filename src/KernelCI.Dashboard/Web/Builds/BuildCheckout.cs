namespace KernelCI.Dashboard.Web.Builds;

/// <summary>The checkout a build or test belongs to, as its page's header shows it; <see cref="TreeUrl"/> is the tree
/// page of the commit when the checkout names one.</summary>
public sealed record BuildCheckout(string? TreeName, string? Branch, string? Commit, string? CommitName, IReadOnlyList<string> Tags,
    string? GitUrl, string? Origin, string? TreeUrl);
