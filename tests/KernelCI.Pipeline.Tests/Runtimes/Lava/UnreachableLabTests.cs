using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Runtimes.Lava;
using KernelCI.Pipeline.Tests.Services.Scheduler;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

/// <summary>A LAVA lab whose URL refuses connections, beside a working runtime: its job is tried three times on the
/// pipeline's clock and then ends done/incomplete with `submit_error` (docs/labs.md, "Submission"), while the same
/// kbuild's jobs for the other runtime are submitted at once.</summary>
public sealed class UnreachableLabTests
{
    [Fact]
    public async Task Job_for_a_lab_refusing_connections_ends_incomplete_with_submit_error_after_the_retries()
    {
        await using var harness = await StartAsync();
        var kbuild = await KbuildAsync(harness);
        var job = await DeadLabJobAsync(harness, kbuild);

        // The retries wait 2 s then 4 s on the pipeline's clock.
        await SchedulerHarness.WaitForAsync(async () =>
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(1));
            return (await harness.Maestro.GetNodeAsync(job.Id!))!.State == "done";
        });

        var node = (await harness.Maestro.GetNodeAsync(job.Id!))!;
        Assert.Equal(("incomplete", "submit_error"), (node.Result, node.Data["error_code"]!.ToString()));
        Assert.Contains("LAVA lab lava-dead: POST jobs/ failed", node.Data["error_msg"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_runtime_gets_its_jobs_while_the_dead_lab_is_retried()
    {
        await using var harness = await StartAsync();
        var kbuild = await KbuildAsync(harness);

        // The clock stands still: the dead lab's job waits for its second attempt, and the other runtime's do not.
        var requests = await harness.Runtimes.NextAsync(2);

        Assert.All(requests, r => Assert.Equal("qemu-lab", r.Node.Data["runtime"]!.ToString()));
        var job = await DeadLabJobAsync(harness, kbuild);
        Assert.Equal("running", job.State);
    }

    private static async Task<SchedulerHarness> StartAsync()
    {
        // A port nothing listens on: every connection is refused.
        var dead = FreePort.BasePort();
        var yaml = SchedulerConfigs.Base
            .Replace("runtimes: {local-shell: {lab_type: fake}, qemu-lab: {lab_type: fake}}",
                $"runtimes: {{local-shell: {{lab_type: fake}}, qemu-lab: {{lab_type: fake}}, lava-dead: {{lab_type: lava, url: 'http://127.0.0.1:{dead}/'}}}}", StringComparison.Ordinal)
            + "\n" + """
              - {job: baseline-x86, event: {channel: node, kind: kbuild, name: kbuild-gcc-x86, state: available, result: pass}, runtime: {name: lava-dead}, platforms: [qemu-x86_64]}
            """;
        return await SchedulerHarness.StartAsync(yaml: yaml, services: s =>
        {
            s.AddSingleton(new LavaSecrets(name => name == "lava-dead.runtime_token" ? "dead-lab-token" : null));
            RuntimeRegistration.Add(s);
        });
    }

    private static async Task<MaestroNode> KbuildAsync(SchedulerHarness harness)
    {
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();
        return await harness.PassedKbuildAsync(checkout);
    }

    private static async Task<MaestroNode> DeadLabJobAsync(SchedulerHarness harness, MaestroNode kbuild)
    {
        MaestroNode? job = null;
        await SchedulerHarness.WaitForAsync(async () =>
            (job = (await harness.ChildrenAsync(kbuild)).SingleOrDefault(n => n.Data["runtime"]?.ToString() == "lava-dead")) is not null);
        return job!;
    }
}
