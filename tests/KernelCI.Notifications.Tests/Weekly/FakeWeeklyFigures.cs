using KernelCI.Notifications.Weekly;

namespace KernelCI.Notifications.Tests.Weekly;

/// <summary>qemu-x86 has results in two labs; any other platform none.</summary>
internal sealed class FakeWeeklyFigures : IWeeklyFigures
{
    public List<(string Platform, DateTimeOffset From, DateTimeOffset Until)> Asked { get; } = [];

    public Task<PlatformWeek?> HardwareAsync(string platform, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        Asked.Add((platform, from, until));
        return Task.FromResult(platform != "qemu-x86" ? null : new PlatformWeek("qemu-x86", new StatusCounts(40, 2, 0), new StatusCounts(38, 1, 3),
            new StatusCounts(1200, 35, 12),
            [new LabCounts("lab-collabora", new StatusCounts(20, 1, 0), new StatusCounts(700, 30, 2)),
             new LabCounts("lava-qemu", new StatusCounts(18, 0, 3), new StatusCounts(500, 5, 10))]));
    }

    public Task<MetricsWeek> MetricsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new MetricsWeek(12, 210, 4100, 380000, 25, 930, 198, 3950, 371000,
            [new LabWeek("lab-collabora", 1200, 800, 150000), new LabWeek("lava-qemu", 2900, 2100, 230000)]));
}
