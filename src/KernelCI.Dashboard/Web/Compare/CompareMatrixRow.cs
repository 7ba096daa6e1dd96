using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Compare;

/// <summary>One kind (builds, boots or tests) of the summary matrix: A's and B's grouped counts, B minus A, and how
/// many listed pairs changed in each way.</summary>
public sealed record CompareMatrixRow(string Kind, StatusTally A, StatusTally B, IReadOnlyDictionary<string, long> Changes)
{
    public StatusTally Delta => new(B.Pass - A.Pass, B.Fail - A.Fail, B.Inconclusive - A.Inconclusive);
}
