namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>Side B minus side A.</summary>
internal sealed record CompareDelta(long Pass, long Fail);
