namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>A runtime that finds the job's params unusable only when it builds the job (a LAVA lab's boot method).</summary>
public sealed class SchedulerInvalidParamsTests
{
    [Fact]
    public async Task Params_a_runtime_refuses_leave_the_node_incomplete_with_invalid_job_params()
    {
        await using var harness = await SchedulerHarness.StartAsync(yaml: SchedulerConfigs.Base.Replace("local-shell: {lab_type: fake}", "local-shell: {lab_type: fake, invalid: true}"));
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();

        // The submission is under way: once the queue is idle, its failure is written.
        await harness.Queue.WhenIdleAsync();

        var node = (await harness.ChildrenAsync(checkout)).Single();
        Assert.Equal(("done", "incomplete", "invalid_job_params"), (node.State, node.Result, node.Data["error_code"]!.ToString()));
    }
}
