namespace KernelCI.Dashboard.Trees.Commits;

/// <summary>One commit of `tree/{name}/{branch}/commits` (upstream's TreeCommitItem, dumped by field name, so its last
/// checkout's time is `last_checkout`).</summary>
internal sealed record CommitListItem(string? GitCommitHash, string? LastCheckout, string? GitCommitName, IReadOnlyList<string> GitCommitTags);
