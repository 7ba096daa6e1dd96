using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Builds;

/// <summary>One page of a build's tests and boots: the counts of all of them, how many match the status filter, and
/// the rows shown.</summary>
public sealed record BuildTestsTable(StatusTally Tally, string StatusFilter, int Limit, string? NextCursor, int Matching,
    IReadOnlyList<BuildTestRow> Rows);
