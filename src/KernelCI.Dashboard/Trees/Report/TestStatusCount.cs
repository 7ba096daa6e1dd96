namespace KernelCI.Dashboard.Trees.Report;

/// <summary>Boot and test counts in tree-report (upstream's TestStatusCount dumped by field name,
/// kernelci/dashboard:backend/kernelCI_app/typeModels/treeListing.py).</summary>
internal sealed record TestStatusCount(long PassCount, long ErrorCount, long FailCount, long SkipCount, long MissCount, long DoneCount, long NullCount)
{
    public static TestStatusCount From(Statuses.StatusCounts counts) =>
        new(counts.Pass, counts.Error, counts.Fail, counts.Skip, counts.Miss, counts.Done, counts.Null);
}
