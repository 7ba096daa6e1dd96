using KernelCI.Client.Maestro;

namespace KernelCI.Testing;

/// <summary>Where one checkout's time went, from Maestro's node timestamps: the checkout and its tarball (a patchset
/// node: its patches applied on the base's tarball) until the scheduler creates the kbuild on the checkout's
/// `available` event; the kbuild until the boot job is created (on the kbuild's `available`); the boot until the job's
/// result nodes are created (QEMU writes them in one PUT when it ends), else until the job's last update. Whatever
/// <paramref name="end"/> is given stands for a step that never came. Shared by <see cref="BisectionTimeline"/> (each
/// run of a bisection step) and `./bench.sh patchwork --real-kernel` (each series' patchset).</summary>
public sealed record CheckoutSplit(TimeSpan Tarball, TimeSpan Build, TimeSpan Boot)
{
    /// <summary>The split of <paramref name="checkout"/> from the nodes of its tree (same treeid).</summary>
    public static CheckoutSplit Of(MaestroNode checkout, IReadOnlyList<MaestroNode> tree, DateTime end)
    {
        var kbuild = tree.Where(n => n.Kind == "kbuild" && n.Parent == checkout.Id).MinBy(n => n.Created)
            ?? tree.Where(n => n.Kind == "kbuild").MinBy(n => n.Created);
        var job = kbuild is null ? null : tree.Where(n => n.Kind == "job" && n.Parent == kbuild.Id).MinBy(n => n.Created);
        var jobEnd = job is null ? null : tree.Where(n => n.Parent == job.Id).Min(n => n.Created) ?? job.Updated;
        var tarball = (kbuild?.Created ?? end) - checkout.Created!.Value;
        var build = kbuild is null ? TimeSpan.Zero : (job?.Created ?? kbuild.Updated ?? end) - kbuild.Created!.Value;
        var boot = job is null ? TimeSpan.Zero : (jobEnd ?? end) - job.Created!.Value;
        return new CheckoutSplit(tarball, build, boot);
    }

    /// <summary>Reads the checkout's tree from Maestro and splits it.</summary>
    public static async Task<CheckoutSplit> ReadAsync(MaestroClient maestro, MaestroNode checkout, DateTime end, CancellationToken cancellationToken = default) =>
        Of(checkout, await maestro.GetNodesFastAsync(new NodeFilter().Where("treeid", checkout.Treeid), cancellationToken), end);

    /// <summary>The orchestration of a span that holds this checkout's build and boot: everything else in it.</summary>
    public TimeSpan OrchestrationOf(TimeSpan wall) => wall - Build - Boot;
}
