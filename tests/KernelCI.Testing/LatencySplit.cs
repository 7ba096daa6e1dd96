namespace KernelCI.Testing;

/// <summary>A latency from an outside event (a Patchwork series' `series-completed`) to the first answer (its first
/// `pending` check) and to the last (its final checks), with the final one split into the kbuild's own run, the boot's
/// own run (<see cref="CheckoutSplit"/>) and the orchestration: everything else in it, ours (the service, `git am`,
/// tarball and patchset, the scheduler, events, callbacks, the final checks).</summary>
public sealed record LatencySplit(TimeSpan ToFirst, TimeSpan ToFinal, CheckoutSplit Checkout)
{
    public static LatencySplit Of(DateTime start, DateTime first, DateTime final, CheckoutSplit checkout) =>
        new(first - start, final - start, checkout);

    public TimeSpan Build => Checkout.Build;

    public TimeSpan Boot => Checkout.Boot;

    public TimeSpan Orchestration => Checkout.OrchestrationOf(ToFinal);
}
