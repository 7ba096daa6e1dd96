using KernelCI.KciDev.Tests.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.KciDev.Tests.Watch;

/// <summary>`watch --nodeid` against the real Maestro: the node updates written while kci-dev watches decide its exit
/// code (kci-dev.md §3.2).</summary>
public sealed class WatchCommandTests(PipelineServersFixture fixture) : IClassFixture<PipelineServersFixture>, IDisposable
{
    private readonly PipelineKciDev _kciDev = new(fixture.Servers, "not-needed-to-watch");

    [Fact]
    public async Task Watch_exits_0_when_the_test_passes()
    {
        var tree = await RunningTreeAsync();
        var watch = WatchAsync(tree, "--test", SampleTree.Test);

        await FinishAsync(tree, "pass", "pass");

        var result = await watch;
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Contains($"PASS kbuild: {SampleTree.Kbuild} - node_id:{tree.Build!.Id}", result.Output);
        Assert.Contains($"Test result: PASS test: login - node_id:{Assert.Single(await NodesAsync(tree, SampleTree.Test)).Id} (", result.Output);
    }

    [Fact]
    public async Task Watch_exits_1_when_the_test_fails()
    {
        var tree = await RunningTreeAsync();
        var watch = WatchAsync(tree, "--test", SampleTree.Test);

        await FinishAsync(tree, "pass", "fail");

        Assert.Equal(1, (await watch).ExitCode);
    }

    [Fact]
    public async Task Watch_exits_2_when_a_job_before_the_test_fails()
    {
        var tree = await RunningTreeAsync();
        var watch = WatchAsync(tree, "--test", SampleTree.Test);

        await tree.SetAsync(tree.Build!, "done", "incomplete");

        var result = await watch;
        Assert.Equal((2, $"Job {SampleTree.Kbuild} failed, test can't be executed\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Watch_exits_2_when_no_test_result_comes_60_seconds_after_the_jobs()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _kciDev.Harness.Time = clock;
        var tree = await RunningTreeAsync();
        var watch = WatchAsync(tree, "--test", SampleTree.Test);

        await FinishAsync(tree, "pass", null);
        await WaitForAsync(() => _kciDev.Requests.Count(r => r.PathAndQuery.Contains("nodes/fast", StringComparison.Ordinal)) >= 2 || watch.IsCompleted);
        // The clock runs on until the watch gives up: when it noted the jobs finished is up to it.
        for (var second = 0; second < 600 && !watch.IsCompleted; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var result = await watch;
        Assert.Equal((2, "Test login result was not available after 60s\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Watch_without_test_exits_0_once_every_job_finished_whatever_the_results()
    {
        var tree = await RunningTreeAsync();
        var watch = WatchAsync(tree);

        await FinishAsync(tree, "fail", null);

        var result = await watch;
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("All jobs completed\n", result.Output);
        Assert.Contains($"FAIL job: {SampleTree.Job}", result.Output);
    }

    [Fact]
    public async Task Watch_of_a_patchset_node_waits_for_the_patchset_root()
    {
        var tree = new SampleTree(fixture.Servers.Maestro, Guid.NewGuid().ToString("N")[..24]);
        await tree.CheckoutAsync("patchset");
        await tree.BuildAsync();
        var watch = _kciDev.RunAsync("watch", "--nodeid", tree.Checkout!.Id!, "--job-filter", SampleTree.Kbuild);

        await tree.SetAsync(tree.Build!, "done", "pass");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(watch.IsCompleted);
        await tree.SetAsync(tree.Checkout!, "available", null);

        var result = await watch;
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"PASS branch patchset - node_id:{tree.Checkout.Id}", result.Output);
    }

    [Fact]
    public async Task Watch_of_an_unknown_node_is_one_line()
    {
        var result = await _kciDev.RunAsync("watch", "--nodeid", "0123456789abcdef01234567", "--job-filter", "kbuild-gcc-x86");

        Assert.Equal((1, "kci-dev: --nodeid 0123456789abcdef01234567: node not found\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Watch_without_job_filter_is_refused()
    {
        var result = await _kciDev.RunAsync("watch", "--nodeid", "0123456789abcdef01234567");

        Assert.Equal((1, "kci-dev: --job-filter: required (the jobs to watch)\n"), (result.ExitCode, result.Error));
        Assert.Empty(_kciDev.Requests);
    }

    [Fact]
    public async Task Watch_reads_the_node_then_the_tree_then_follows_the_event_stream()
    {
        var tree = await RunningTreeAsync();
        var watch = WatchAsync(tree);
        await FinishAsync(tree, "pass", null);
        await watch;

        var paths = _kciDev.Requests.Select(r => r.PathAndQuery.Split('?')[0]).Take(3);
        Assert.Equal([$"/latest/node/{tree.Checkout!.Id}", "/latest/events/stream", "/latest/nodes/fast"], paths);
        Assert.EndsWith($"after=now&name={SampleTree.Job},checkout,{SampleTree.Kbuild}", Uri.UnescapeDataString(_kciDev.Requests[1].PathAndQuery));
    }

    public void Dispose() => _kciDev.Dispose();

    private Task<KernelCI.Testing.ProcessResult> WatchAsync(SampleTree tree, params string[] more) =>
        _kciDev.RunAsync(["watch", "--nodeid", tree.Checkout!.Id!, "--job-filter", SampleTree.Kbuild, "--job-filter", SampleTree.Job, .. more])
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

    private async Task<SampleTree> RunningTreeAsync()
    {
        var tree = new SampleTree(fixture.Servers.Maestro, Guid.NewGuid().ToString("N")[..24]);
        await tree.CheckoutAsync();
        await tree.BuildAsync();
        await tree.BootAsync();
        return tree;
    }

    private static async Task FinishAsync(SampleTree tree, string jobResult, string? testResult)
    {
        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.SetAsync(tree.Build!, "done", "pass");
        await tree.FinishBootAsync(jobResult, testResult);
    }

    private Task<IReadOnlyList<Client.Maestro.MaestroNode>> NodesAsync(SampleTree tree, string name) =>
        fixture.Servers.Maestro.GetNodesFastAsync(new Client.Maestro.NodeFilter().Where("treeid", tree.TreeId).Where("name", name), TestContext.Current.CancellationToken);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
