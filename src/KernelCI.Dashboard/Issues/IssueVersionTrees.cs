namespace KernelCI.Dashboard.Issues;

/// <summary>The trees one issue version has incidents in, and the tags (mainline, stable, linux-next) those trees earn
/// (upstream's IssueWithExtraInfo).</summary>
internal sealed record IssueVersionTrees(string Id, long Version, List<TreeBranch> Trees, SortedSet<string> Tags);
