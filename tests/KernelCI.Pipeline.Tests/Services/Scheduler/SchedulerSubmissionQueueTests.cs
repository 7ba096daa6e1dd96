using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>The runtimes' submission queues (docs/labs.md, "Submission"): the event is done once its nodes exist, each
/// runtime submits its own jobs, and a node created but never submitted before a stop is submitted after the restart.</summary>
public sealed class SchedulerSubmissionQueueTests
{
    private const string OneWorker = "local-shell: {lab_type: fake, submit_workers: 1}";

    [Fact]
    public async Task Lab_whose_submissions_hang_does_not_delay_another_runtime_s_jobs()
    {
        await using var harness = await SchedulerHarness.StartAsync();
        harness.Runtimes.Hold("local-shell");
        var checkout = await harness.AvailableCheckoutAsync();
        var hung = (await harness.Runtimes.NextAsync()).Single();

        // Same event loop as the hung kbuild's event: before the queue, this one waited for that submission.
        await harness.PassedKbuildAsync(checkout);
        var others = await harness.Runtimes.NextAsync(2);

        Assert.Equal("local-shell", hung.Node.Data["runtime"]!.ToString());
        Assert.All(others, r => Assert.Equal("qemu-lab", r.Node.Data["runtime"]!.ToString()));
        Assert.Equal("running", (await harness.Maestro.GetNodeAsync(hung.Node.Id!))!.State);
        harness.Runtimes.Release("local-shell");
    }

    [Fact]
    public async Task Runtime_gets_its_jobs_in_creation_order()
    {
        await using var harness = await SchedulerHarness.StartAsync(yaml: SchedulerConfigs.Base.Replace("local-shell: {lab_type: fake}", OneWorker));
        harness.Runtimes.Hold("local-shell");
        var checkouts = new List<MaestroNode> { await harness.AvailableCheckoutAsync() };
        await harness.Runtimes.NextAsync();
        checkouts.Add(await harness.AvailableCheckoutAsync());
        checkouts.Add(await harness.AvailableCheckoutAsync());
        checkouts.Add(await harness.AvailableCheckoutAsync());
        await SchedulerHarness.WaitForAsync(async () => (await harness.ChildrenAsync(checkouts[^1])).Count == 1);

        harness.Runtimes.Release("local-shell");
        var queued = await harness.Runtimes.NextAsync(3);

        Assert.Equal(checkouts.Skip(1).Select(c => c.Id), queued.Select(r => r.Node.Parent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Nodes_created_but_not_submitted_before_a_stop_are_submitted_after_the_restart(DatabaseKind kind)
    {
        await using var harness = await SchedulerHarness.StartAsync(kind, SchedulerConfigs.Base.Replace("local-shell: {lab_type: fake}", OneWorker));
        harness.Runtimes.Hold("local-shell");
        var first = await harness.AvailableCheckoutAsync();
        var abandoned = (await harness.Runtimes.NextAsync()).Single();
        var second = await harness.AvailableCheckoutAsync();
        await SchedulerHarness.WaitForAsync(async () => (await harness.ChildrenAsync(second)).Count == 1);

        // One submission under way (abandoned at the shutdown timeout), one still queued.
        await harness.RestartAsync();
        var requests = await harness.Runtimes.NextAsync(2);

        var nodes = new[] { Assert.Single(await harness.ChildrenAsync(first)), Assert.Single(await harness.ChildrenAsync(second)) };
        Assert.Equal(nodes.Select(n => n.Id), requests.Select(r => r.Node.Id));
        Assert.Equal(abandoned.Node.Id, requests[0].Node.Id);
        Assert.All(requests, r => Assert.Equal(("tinyconfig", "http://storage.local/linux.tar.gz"),
            (r.Params["defconfig"]!.ToString(), r.Artifacts["tarball"])));
        await harness.Queue.WhenIdleAsync();
        Assert.False(harness.Runtimes.Submitted.TryRead(out _));
    }

    [Fact]
    public async Task Unsubmitted_node_whose_job_is_no_longer_configured_ends_with_invalid_job_params_after_the_restart()
    {
        await using var harness = await SchedulerHarness.StartAsync(yaml: SchedulerConfigs.Base.Replace("local-shell: {lab_type: fake}", OneWorker));
        var checkout = await harness.AvailableCheckoutAsync(jobfilter: ["nothing"]);
        var orphan = await harness.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "job", Name = "gone-job", Path = ["checkout", "gone-job"], Parent = checkout.Id, State = "running",
            Data = new() { ["runtime"] = "local-shell", ["platform"] = "qemu-x86_64" },
        });

        await harness.RestartAsync();
        await harness.Recovered;
        await harness.Queue.WhenIdleAsync();

        var node = (await harness.Maestro.GetNodeAsync(orphan.Id!))!;
        Assert.Equal(("done", "incomplete", "invalid_job_params"), (node.State, node.Result, node.Data["error_code"]!.ToString()));
        Assert.Contains("no longer configured", node.Data["error_msg"]!.ToString(), StringComparison.Ordinal);
    }
}
