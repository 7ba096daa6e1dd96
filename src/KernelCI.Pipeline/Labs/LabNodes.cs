using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Labs;

/// <summary>A lab's job nodes in Maestro (kind job, `data.runtime` = the lab): those not finished, and the most recent
/// finished ones for the submission-to-result time.</summary>
internal sealed class LabNodes(MaestroClient maestro)
{
    /// <summary>How many recent finished jobs are read; the percentiles use those that recorded both times.</summary>
    public const int Recent = 500;

    private const int MaxActive = 10_000;

    public Task<IReadOnlyList<MaestroNode>> ActiveAsync(string lab, CancellationToken cancellationToken) =>
        maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "job").Where("data.runtime", lab).In("state", "running", "available")
            .Limit(MaxActive), cancellationToken);

    public Task<IReadOnlyList<MaestroNode>> FinishedAsync(string lab, CancellationToken cancellationToken) =>
        maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "job").Where("data.runtime", lab).Where("state", "done")
            .SortBy("created", descending: true).Limit(Recent), cancellationToken);
}
