using KernelCI.Notifications.Weekly;

namespace KernelCI.Notifications.Tests.Weekly;

internal sealed class FakeWeeklyFigures : IWeeklyFigures
{
    public List<(DateTimeOffset From, DateTimeOffset Until)> Windows { get; } = [];

    public Task<IReadOnlyList<PlatformWeek>> HardwareAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        Windows.Add((from, until));
        return Task.FromResult<IReadOnlyList<PlatformWeek>>(
            [new PlatformWeek("qemu-x86", new StatusCounts(40, 2, 0), new StatusCounts(38, 1, 3), new StatusCounts(1200, 35, 12))]);
    }

    public Task<MetricsWeek> MetricsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new MetricsWeek(12, 210, 4100, 380000, 25, 930, 198, 3950, 371000,
            [new LabWeek("lab-collabora", 1200, 800, 150000), new LabWeek("lava-qemu", 2900, 2100, 230000)]));
}
