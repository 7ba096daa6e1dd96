using KernelCI.ServiceDefaults.Labs;

namespace KernelCI.Dashboard.Web.Tests.Labs;

/// <summary>The pipeline's lab view as a test gives it: a LAVA lab answering with two device types, a lab that does
/// not answer, a pull lab with two workers and one that no worker ever came to; or a failure.</summary>
internal sealed class FakeLabView(Exception? failure = null) : ILabView
{
    public const string Lava = "lava-mylab";

    public static IReadOnlyList<LabReport> Reports { get; } =
    [
        new(Lava, "lava", new LabHealth(LabHealth.Ok, null, new DateTimeOffset(2026, 12, 6, 12, 0, 5, TimeSpan.Zero)),
        [
            new("bcm2711-rpi-4-b", 0, 1, new Dictionary<string, int> { ["Good"] = 2, ["Maintenance"] = 1 }, null),
            new("qemu", 3, 2, new Dictionary<string, int> { ["Good"] = 1 }, new JobLatency(20, 600, 5400)),
        ]),
        new("lava-down", "lava", new LabHealth(LabHealth.Unreachable, "LAVA lab lava-down: GET devices/ failed: Connection refused",
            new DateTimeOffset(2026, 12, 6, 12, 0, 5, TimeSpan.Zero)), []),
        new("pull-lab", "pull_labs", new LabHealth(LabHealth.Online, "1 worker seen in the last 5 min", new DateTimeOffset(2026, 12, 6, 12, 0, 5, TimeSpan.Zero)),
            [new("qemu", 4, 1, null, null)],
            [new("rack-1", new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero), 1), new("rack-2", new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.Zero), 0)]),
        new("pull-gone", "pull_labs", new LabHealth(LabHealth.Offline, "no worker has asked for a job yet", new DateTimeOffset(2026, 12, 6, 12, 0, 5, TimeSpan.Zero)),
            [], []),
    ];

    public Task<IReadOnlyList<LabReport>> LabsAsync(CancellationToken cancellationToken) =>
        failure is null ? Task.FromResult(Reports) : Task.FromException<IReadOnlyList<LabReport>>(failure);

    public Task<LabReport?> LabAsync(string name, CancellationToken cancellationToken) =>
        failure is null ? Task.FromResult(Reports.FirstOrDefault(l => l.Name == name)) : Task.FromException<LabReport?>(failure);
}
