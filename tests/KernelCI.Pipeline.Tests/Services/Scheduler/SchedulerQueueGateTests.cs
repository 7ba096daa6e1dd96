namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>A runtime's queue gate (a LAVA lab's queue depth) is asked before the job's node exists.</summary>
public sealed class SchedulerQueueGateTests
{
    [Fact]
    public async Task Job_for_a_lab_whose_queue_is_full_is_not_created()
    {
        await using var harness = await SchedulerHarness.StartAsync(yaml: SchedulerConfigs.Base.Replace("qemu-lab: {lab_type: fake}", "qemu-lab: {lab_type: fake, queue_full: true}"));
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();
        var kbuild = await harness.PassedKbuildAsync(checkout);

        // Events are handled in order: once the next checkout's kbuild is submitted, the passed kbuild was handled.
        await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        Assert.Empty(await harness.ChildrenAsync(kbuild));
    }

    [Fact]
    public async Task Job_for_a_lab_with_room_is_created()
    {
        await using var harness = await SchedulerHarness.StartAsync();
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        var kbuild = await harness.PassedKbuildAsync(checkout);
        await harness.Runtimes.NextAsync(2);

        Assert.Equal(2, (await harness.ChildrenAsync(kbuild)).Count);
    }
}
