using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>One commit of the commit history chart: its counts of the open tab's kind, its page, and whether it is the
/// commit the page shows.</summary>
public sealed record CommitHistoryPoint(string Hash, string? Label, string? StartTime, StatusTally Tally, string Url, bool IsCurrent)
{
    public string Short => Hash.Length > 7 ? Hash[..7] : Hash;
}
