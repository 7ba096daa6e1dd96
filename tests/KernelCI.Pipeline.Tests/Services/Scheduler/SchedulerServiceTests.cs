using System.Diagnostics.Metrics;
using System.Text.Json;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>The scheduler service end to end: Maestro events in, job nodes in Maestro and submissions to runtimes out.</summary>
public sealed class SchedulerServiceTests
{
    [Fact]
    public async Task Checkout_going_available_creates_a_kbuild_node_with_its_fields()
    {
        await using var harness = await SchedulerHarness.StartAsync();

        var checkout = await harness.AvailableCheckoutAsync();
        var request = (await harness.Runtimes.NextAsync()).Single();

        var node = await harness.Maestro.GetNodeAsync(request.Node.Id!);
        Assert.NotNull(node);
        Assert.Equal(("kbuild", "kbuild-gcc-x86", "kbuild-gcc-x86", "running"), (node.Kind, node.Name, node.Group, node.State));
        Assert.Equal(["checkout", "kbuild-gcc-x86"], node.Path);
        Assert.Equal((checkout.Id, checkout.Treeid, "service:pipeline", 0), (node.Parent, node.Treeid, node.Submitter, node.RetryCounter));
        Assert.Equal("local", node.Data["kernel_revision"]!["tree"]!.ToString());
        Assert.Equal(("local-shell", "fake"), (node.Data["runtime"]!.ToString(), node.Data["platform"]!.ToString()));
        Assert.Equal("http://storage.local/linux.tar.gz", request.Artifacts["tarball"]);
        Assert.Equal(("x86_64", "x86", "amd64", "tinyconfig"), (request.Params["arch"]!.ToString(), request.Params["karch"]!.ToString(),
            request.Params["debarch"]!.ToString(), request.Params["defconfig"]!.ToString()));
        Assert.Equal(["CONFIG_SERIAL_8250=y", "CONFIG_SERIAL_8250_CONSOLE=y"], request.Params["fragment_configs"]!["qemu-serial"]!.AsArray().Select(c => c!.ToString()));
        Assert.Equal(["CONFIG_PRINTK=y"], request.Params["fragment_configs"]!["CONFIG_PRINTK=y"]!.AsArray().Select(c => c!.ToString()));
        Assert.Equal(("fake", "kernelci/gcc"), (request.Params["runtime"]!.ToString(), request.Params["runtime_image"]!.ToString()));
    }

    [Fact]
    public async Task Each_job_submitted_is_counted_for_its_runtime()
    {
        await using var harness = await SchedulerHarness.StartAsync();
        using var recorder = new MetricRecorder(harness.Services.GetRequiredService<IMeterFactory>(), PipelineMetrics.MeterName);

        await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        await SchedulerHarness.WaitForAsync(() => Task.FromResult(recorder.Value("pipeline_jobs_started_total", ("runtime", "local-shell")) == 1));
    }

    [Fact]
    public async Task Kbuild_pass_creates_a_job_node_per_platform_with_build_fields()
    {
        await using var harness = await SchedulerHarness.StartAsync();
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        var kbuild = await harness.PassedKbuildAsync(checkout);
        var requests = (await harness.Runtimes.NextAsync(2)).OrderBy(r => r.Platform.Name).ToList();

        Assert.Equal(["qemu-x86_64", "qemu-x86_64-big"], requests.Select(r => r.Node.Data["platform"]!.ToString()));
        foreach (var request in requests)
        {
            var node = (await harness.Maestro.GetNodeAsync(request.Node.Id!))!;
            Assert.Equal(("job", "baseline-x86", kbuild.Id), (node.Kind, node.Name, node.Parent));
            Assert.Equal(["checkout", "kbuild-gcc-x86", "baseline-x86"], node.Path);
            Assert.Equal(("qemu-lab", "bzimage", "x86_64", "tinyconfig", "tinyconfig+qemu-serial", "gcc"), (node.Data["runtime"]!.ToString(),
                node.Data["kernel_type"]!.ToString(), node.Data["arch"]!.ToString(), node.Data["defconfig"]!.ToString(),
                node.Data["config_full"]!.ToString(), node.Data["compiler"]!.ToString()));
            Assert.Equal("http://images.local/buildroot/x86/rootfs.cpio.gz", request.Params["ramdisk"]!.ToString());
            Assert.Equal("qemu-x86_64", request.Params["device_type"]!.ToString());
            Assert.Equal(("http://storage.local/kbuild/bzImage", "http://storage.local/linux.tar.gz"), (request.Artifacts["kernel"], request.Artifacts["tarball"]));
        }

        Assert.Equal(("ttyS0", 5L), (requests[0].Params["console"]!.ToString(), (long)requests[0].Params["job_timeout"]!));
    }

    [Fact]
    public async Task Kbuild_going_from_running_to_done_pass_schedules_the_jobs_waiting_for_it_available()
    {
        await using var harness = await SchedulerHarness.StartAsync();
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        var kbuild = await harness.PassedKbuildAsync(checkout, state: "done");
        var requests = await harness.Runtimes.NextAsync(2);

        Assert.Equal(["qemu-x86_64", "qemu-x86_64-big"], requests.Select(r => r.Platform.Name).Order());
        Assert.All(requests, r => Assert.Equal(("baseline-x86", kbuild.Id, kbuild.Treeid), (r.Node.Name, r.Node.Parent, r.Node.Treeid)));
    }

    [Fact]
    public async Task Kbuild_reaching_done_after_being_available_does_not_schedule_again()
    {
        await using var harness = await SchedulerHarness.StartAsync();
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();
        var kbuild = await harness.PassedKbuildAsync(checkout);
        await harness.Runtimes.NextAsync(2);
        // Past the dedup window, so only the edge rule keeps the holdoff's available → done from scheduling again.
        harness.Clock.Advance(TimeSpan.FromHours(1));

        await harness.Maestro.PatchNodeAsync(kbuild.Id!, new System.Text.Json.Nodes.JsonObject { ["state"] = "done" });
        // Events are handled in order: once the next checkout's kbuild is submitted, the done event has been seen.
        await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        Assert.Equal(2, (await harness.ChildrenAsync(kbuild)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Same_event_twice_creates_one_node(DatabaseKind kind)
    {
        await using var harness = await SchedulerHarness.StartAsync(kind);
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();
        var again = JsonSerializer.SerializeToNode(new { op = "updated", id = checkout.Id, kind = "checkout", name = "checkout", state = "available", result = "pass" })!;

        await harness.Maestro.PublishAsync("node", again);
        await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        Assert.Single(await harness.ChildrenAsync(checkout));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Recent_node_in_maestro_is_not_created_again_by_a_fresh_scheduler(DatabaseKind kind)
    {
        await using var harness = await SchedulerHarness.StartAsync(kind);
        var checkout = await harness.AvailableCheckoutAsync(jobfilter: ["nothing"]);
        var earlier = await harness.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "kbuild", Name = "kbuild-gcc-x86", Path = ["checkout", "kbuild-gcc-x86"], Parent = checkout.Id,
            Data = new() { ["runtime"] = "local-shell", ["platform"] = "fake" },
        });
        var again = JsonSerializer.SerializeToNode(new { op = "updated", id = checkout.Id, kind = "checkout", name = "checkout", state = "available", result = "pass", jobfilter = Array.Empty<string>() })!;

        await harness.Maestro.PublishAsync("node", again);
        await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        Assert.Equal([earlier.Id], (await harness.ChildrenAsync(checkout)).Select(n => n.Id));
    }

    [Fact]
    public async Task Update_whose_previous_state_already_matched_does_not_schedule_again()
    {
        await using var harness = await SchedulerHarness.StartAsync();
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();
        // Past the dedup window, so only edge triggering can keep the second update from scheduling.
        harness.Clock.Advance(TimeSpan.FromHours(1));

        var data = (System.Text.Json.Nodes.JsonObject)checkout.Data.DeepClone();
        data["note"] = "seen";
        await harness.Maestro.PatchNodeAsync(checkout.Id!, new System.Text.Json.Nodes.JsonObject { ["data"] = data });
        await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        Assert.Single(await harness.ChildrenAsync(checkout));
    }

    [Fact]
    public async Task Jobfilter_without_the_job_schedules_nothing()
    {
        await using var harness = await SchedulerHarness.StartAsync();

        var filtered = await harness.AvailableCheckoutAsync(jobfilter: ["baseline-x86"]);
        await harness.AvailableCheckoutAsync(jobfilter: ["kbuild-gcc-x86+"]);
        var request = (await harness.Runtimes.NextAsync()).Single();

        Assert.Empty(await harness.ChildrenAsync(filtered));
        Assert.Equal(["kbuild-gcc-x86+"], request.Node.Jobfilter);
    }

    [Fact]
    public async Task Retry_event_creates_a_new_node_with_the_next_retry_counter()
    {
        await using var harness = await SchedulerHarness.StartAsync();
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        var retry = JsonSerializer.SerializeToNode(checkout with { Jobfilter = ["kbuild-gcc-x86+"], RetryCounter = 1 }, MaestroJson.Options)!;
        await harness.Maestro.PublishAsync("retry", retry);
        var request = (await harness.Runtimes.NextAsync()).Single();

        var children = await harness.ChildrenAsync(checkout);
        Assert.Equal([0, 1], children.Select(c => c.RetryCounter).Order());
        Assert.Equal((1, "kbuild-gcc-x86"), (request.Node.RetryCounter, request.Node.Name));
    }

    [Fact]
    public async Task Runtime_failure_leaves_the_node_done_incomplete_with_submit_error()
    {
        await using var harness = await SchedulerHarness.StartAsync(yaml: SchedulerConfigs.Base.Replace("local-shell: {lab_type: fake}", "local-shell: {lab_type: fake, fail: true}"));
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        // The submission is under way: once the queue is idle, its failure is written.
        await harness.Queue.WhenIdleAsync();

        var node = (await harness.ChildrenAsync(checkout)).Single();
        Assert.Equal(("done", "incomplete", "submit_error"), (node.State, node.Result, node.Data["error_code"]!.ToString()));
        Assert.Contains("lab refused the job", node.Data["error_msg"]!.ToString());
    }

    [Fact]
    public async Task Kbuild_on_a_checkout_whose_architecture_filter_excludes_its_arch_is_not_scheduled()
    {
        await using var harness = await SchedulerHarness.StartAsync();

        var arm = await harness.AvailableCheckoutAsync(architectures: ["arm64"]);
        var x86 = await harness.AvailableCheckoutAsync(architectures: ["arm64", "x86_64"]);
        var request = (await harness.Runtimes.NextAsync()).Single();

        Assert.Empty(await harness.ChildrenAsync(arm));
        Assert.Equal(x86.Id, request.Node.Parent);
    }

    [Fact]
    public async Task Kbuild_without_a_defconfig_ends_done_incomplete_with_invalid_job_params()
    {
        await using var harness = await SchedulerHarness.StartAsync(yaml: SchedulerConfigs.Base.Replace("defconfig: tinyconfig, ", ""));

        var checkout = await harness.AvailableCheckoutAsync();

        MaestroNode? node = null;
        await SchedulerHarness.WaitForAsync(async () => (node = (await harness.ChildrenAsync(checkout)).SingleOrDefault()) is { State: "done" });
        Assert.Equal(("incomplete", "invalid_job_params"), (node!.Result, node.Data["error_code"]!.ToString()));
        Assert.False(harness.Runtimes.Submitted.TryRead(out _));
    }
}
