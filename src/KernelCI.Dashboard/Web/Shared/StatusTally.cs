namespace KernelCI.Dashboard.Web.Shared;

/// <summary>Counts as the pages show them: upstream's three groups (dashboard.md §2.3), INCONCLUSIVE holding ERROR,
/// SKIP, MISS, DONE and no status. Public because Razor components, and so their parameters, are public.</summary>
public sealed record StatusTally(long Pass, long Fail, long Inconclusive)
{
    public static StatusTally Empty { get; } = new(0, 0, 0);

    public long Total => Pass + Fail + Inconclusive;
}
