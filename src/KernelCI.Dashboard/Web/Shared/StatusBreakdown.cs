using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Web.Shared;

/// <summary>Counts per raw KCIDB status, for the donut's legend.</summary>
public sealed record StatusBreakdown(long Pass, long Fail, long Error, long Skip, long Miss, long Done, long Null)
{
    public StatusTally Tally => new(Pass, Fail, Error + Skip + Miss + Done + Null);

    internal static StatusBreakdown From(StatusCounts c) => new(c.Pass, c.Fail, c.Error, c.Skip, c.Miss, c.Done, c.Null);

    public IEnumerable<(string Status, long Count)> NonZero()
    {
        (string, long)[] all = [("PASS", Pass), ("FAIL", Fail), ("ERROR", Error), ("SKIP", Skip), ("MISS", Miss), ("DONE", Done), ("NULL", Null)];
        return all.Where(s => s.Item2 > 0);
    }
}
