namespace KernelCI.Dashboard.Web.Trees;

/// <summary>How many of a checkout's tests have this path and status (TreeRows.TestPathCountsAsync).</summary>
internal sealed record PathStatusCount(string Path, string Status, long Tests);
