namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>One side's grouped counts (upstream's CompareStatusCounts dumped by alias: pass, fail, inconclusive).</summary>
internal sealed record CompareStatusCounts(long Pass, long Fail, long Inconclusive)
{
    public static CompareStatusCounts From(Statuses.StatusCounts counts) =>
        new(counts.Pass, counts.Fail, counts.Error + counts.Skip + counts.Miss + counts.Done + counts.Null);
}
