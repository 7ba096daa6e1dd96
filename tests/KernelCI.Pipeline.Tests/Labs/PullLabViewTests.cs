using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes.PullLabs;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.ServiceDefaults.Labs;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Pipeline.Tests.Labs;

/// <summary>A pull lab in the lab view (docs/labs.md, the lab view): its workers as the lab API saw them, its claimed
/// jobs running and the others queued, online while a worker came within the window, offline after.</summary>
public sealed class PullLabViewTests
{
    private const string Lab = "pull-lab";

    private static async Task<(PipelineTestStack Stack, ServiceProvider Services, FakeTimeProvider Clock)> StartAsync(DatabaseKind kind,
        JsonObject? settings = null)
    {
        var stack = await PipelineTestStack.StartAsync(kind);
        await Migrator.ApplyAsync(stack.Database, PullLabMigrations.All, TestContext.Current.CancellationToken);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var config = LabViewHost.Config(new RuntimeConfig(Lab, "pull_labs", Rules.None, settings ?? []));
        var services = LabViewHost.Services(stack, config, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddPullLabs(stack.Database);
        });
        return (stack, services, clock);
    }

    private static async Task<LabReport> PullLabAsync(ServiceProvider services) =>
        Assert.Single(await LabViewHost.LabsAsync(services), l => l.Name == Lab);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_pull_lab_no_worker_ever_came_to_is_offline(DatabaseKind kind)
    {
        var (stack, services, _) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = services;

        var lab = await PullLabAsync(services);

        Assert.Equal((LabHealth.Offline, "no worker has asked for a job yet"), (lab.Health.Status, lab.Health.Message));
        Assert.Empty(lab.Workers!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_worker_that_claimed_lately_makes_the_lab_online_and_its_job_running(DatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (stack, services, clock) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = services;
        var claimed = await LabViewHost.JobAsync(stack, "available", lab: Lab, data: new JsonObject { ["job_id"] = "x" });
        await LabViewHost.JobAsync(stack, "available", lab: Lab, data: new JsonObject { ["job_id"] = "y" });
        var store = services.GetRequiredService<PullClaimStore>();
        await store.SeenAsync(Lab, "rack-1", ct);
        await store.TryClaimAsync(claimed.Id!, Lab, "rack-1", TimeSpan.FromMinutes(10), 3, ct);
        clock.Advance(TimeSpan.FromMinutes(1));

        var lab = await PullLabAsync(services);

        Assert.Equal((LabHealth.Online, "1 worker seen in the last 5 min"), (lab.Health.Status, lab.Health.Message));
        Assert.Equal([new LabWorker("rack-1", clock.GetUtcNow() - TimeSpan.FromMinutes(1), 1)], lab.Workers);
        var qemu = Assert.Single(lab.DeviceTypes);
        Assert.Equal((1, 1), (qemu.Queued, qemu.Running));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_lab_whose_workers_were_not_seen_within_the_window_is_offline_and_its_expired_claims_queued(DatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (stack, services, clock) = await StartAsync(kind);
        await using var _ = stack;
        await using var __ = services;
        var job = await LabViewHost.JobAsync(stack, "available", lab: Lab, data: new JsonObject { ["job_id"] = "x" });
        var store = services.GetRequiredService<PullClaimStore>();
        await store.SeenAsync(Lab, "rack-1", ct);
        await store.TryClaimAsync(job.Id!, Lab, "rack-1", TimeSpan.FromMinutes(2), 3, ct);
        clock.Advance(TimeSpan.FromMinutes(6));

        var lab = await PullLabAsync(services);

        Assert.Equal(LabHealth.Offline, lab.Health.Status);
        Assert.Equal("no worker seen in the last 5 min (last: rack-1 at 2026-12-06 12:00:00 UTC)", lab.Health.Message);
        Assert.Equal(0, Assert.Single(lab.Workers!).Jobs);
        Assert.Equal((1, 0), (lab.DeviceTypes[0].Queued, lab.DeviceTypes[0].Running));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task The_offline_window_is_the_labs_offline_after_s(DatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var (stack, services, clock) = await StartAsync(kind, new JsonObject { ["offline_after_s"] = 60 });
        await using var _ = stack;
        await using var __ = services;
        await services.GetRequiredService<PullClaimStore>().SeenAsync(Lab, "rack-1", ct);

        clock.Advance(TimeSpan.FromSeconds(59));
        var online = (await PullLabAsync(services)).Health.Status;
        clock.Advance(TimeSpan.FromSeconds(2));
        var offline = (await PullLabAsync(services)).Health.Status;

        Assert.Equal((LabHealth.Online, LabHealth.Offline), (online, offline));
    }
}
