using KernelCI.Client.Kcidb.Regressions;

namespace KernelCI.Notifications.Checkouts;

/// <summary>What a checkout summary lists, as upstream's `summary` classifies test histories
/// (kernelci/dashboard: backend/kernelCI_app/management/commands/notifications.py): regressions whose first bad
/// commit is the checkout's (new), fixed by it, open from before (still failing), and open on a flaky series
/// (unstable).</summary>
internal sealed record CheckoutSections(IReadOnlyList<KcidbRegression> New, IReadOnlyList<KcidbRegression> Fixed,
    IReadOnlyList<KcidbRegression> StillFailing, IReadOnlyList<KcidbRegression> Unstable)
{
    /// <summary>Something changed with this checkout: a regression opened or was fixed by it.</summary>
    public bool Changed => New.Count > 0 || Fixed.Count > 0;

    public static CheckoutSections Of(string commit, IEnumerable<KcidbRegression> regressions)
    {
        var list = regressions.Where(r => r.State != "invalid").ToList();
        return new CheckoutSections(
            [.. list.Where(r => r.FirstBadCommit == commit)],
            [.. list.Where(r => r.FixedByCommit == commit && r.State is "fixed" or "closed")],
            [.. list.Where(r => r.State == "open" && r.FirstBadCommit != commit && !r.Flaky)],
            [.. list.Where(r => r.State == "open" && r.FirstBadCommit != commit && r.Flaky)]);
    }
}
