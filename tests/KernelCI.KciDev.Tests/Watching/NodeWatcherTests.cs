using KernelCI.Client.Watching;
using KernelCI.KciDev.Tests.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.KciDev.Tests.Watching;

/// <summary>The watch engine against a real Maestro: node updates written while it watches decide the outcome.</summary>
public sealed class NodeWatcherTests(PipelineServersFixture fixture) : IClassFixture<PipelineServersFixture>
{
    private static readonly string[] Jobs = [SampleTree.Kbuild, SampleTree.Job];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Test_passing_after_the_watch_started_gives_exit_0()
    {
        var tree = await RunningTreeAsync();
        var (watch, progress) = Start(new WatchRequest(tree.TreeId, "checkout", Jobs, SampleTree.Test));
        await progress.WaitForAsync(WatchUpdateKind.Connected);

        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.SetAsync(tree.Build!, "done", "pass");
        await tree.FinishBootAsync("pass", "pass");

        var outcome = await watch;
        Assert.Equal((WatchVerdict.TestPassed, 0, SampleTree.Test), (outcome.Verdict, outcome.ExitCode, outcome.Deciding?.Name));
    }

    [Fact]
    public async Task Test_failing_gives_exit_1()
    {
        var tree = await RunningTreeAsync();
        var (watch, progress) = Start(new WatchRequest(tree.TreeId, "checkout", Jobs, SampleTree.Test));
        await progress.WaitForAsync(WatchUpdateKind.Connected);

        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.SetAsync(tree.Build!, "done", "pass");
        await tree.FinishBootAsync("pass", "fail");

        Assert.Equal((WatchVerdict.TestFailed, 1), ((await watch).Verdict, (await watch).ExitCode));
    }

    [Fact]
    public async Task Incomplete_build_is_a_failed_prerequisite_with_exit_2()
    {
        var tree = await RunningTreeAsync();
        var (watch, progress) = Start(new WatchRequest(tree.TreeId, "checkout", Jobs, SampleTree.Test));
        await progress.WaitForAsync(WatchUpdateKind.Connected);

        await tree.SetAsync(tree.Build!, "done", "incomplete");

        var outcome = await watch;
        Assert.Equal((WatchVerdict.PrerequisiteFailed, 2, SampleTree.Kbuild), (outcome.Verdict, outcome.ExitCode, outcome.Deciding?.Name));
    }

    [Fact]
    public async Task No_test_result_60_seconds_after_the_jobs_finished_gives_exit_2()
    {
        // Given every job done but no test node, on a clock the test moves
        var tree = await RunningTreeAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (watch, progress) = Start(new WatchRequest(tree.TreeId, "checkout", Jobs, SampleTree.Test), clock);
        await progress.WaitForAsync(WatchUpdateKind.Connected);
        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.SetAsync(tree.Build!, "done", "pass");
        await tree.FinishBootAsync("pass", null);
        await progress.WaitForAsync(WatchUpdateKind.WaitingForTest);

        // When 59 s pass the watch goes on; at 60 s it gives up
        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200, Ct);
        Assert.False(watch.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var outcome = await watch;
        Assert.Equal((WatchVerdict.TestResultMissing, 2), (outcome.Verdict, outcome.ExitCode));
    }

    [Fact]
    public async Task Tree_already_finished_is_decided_from_its_nodes_without_events()
    {
        var tree = new SampleTree(fixture.Servers.Maestro, NewTreeId());
        await tree.CheckoutAsync(state: "done", result: "pass");
        await tree.BuildAsync("done", "pass");
        await tree.BootAsync("done", "fail");

        var outcome = await new NodeWatcher(fixture.Servers.Maestro, TimeProvider.System)
            .WatchAsync(new WatchRequest(tree.TreeId, "checkout", Jobs), cancellationToken: Ct);

        Assert.Equal((WatchVerdict.Finished, 0, 3), (outcome.Verdict, outcome.ExitCode, outcome.Nodes.Count));
    }

    [Fact]
    public async Task Nodes_of_another_tree_with_the_same_names_do_not_count()
    {
        var tree = await RunningTreeAsync();
        var other = await RunningTreeAsync();
        var (watch, progress) = Start(new WatchRequest(tree.TreeId, "checkout", Jobs));
        await progress.WaitForAsync(WatchUpdateKind.Connected);

        await other.SetAsync(other.Checkout!, "available", null);
        await other.SetAsync(other.Build!, "done", "pass");
        await other.FinishBootAsync("pass", "pass");
        await tree.SetAsync(tree.Checkout!, "available", null);
        await Task.Delay(300, Ct);
        Assert.False(watch.IsCompleted);
        await tree.SetAsync(tree.Build!, "done", "pass");
        await tree.FinishBootAsync("fail", null);

        var outcome = await watch;
        Assert.Equal(WatchVerdict.Finished, outcome.Verdict);
        Assert.All(outcome.Nodes, n => Assert.Contains(n.Id, new[] { tree.Checkout!.Id, tree.Build!.Id, tree.Boot!.Id }));
    }

    [Fact]
    public async Task Node_changes_are_reported_as_they_happen()
    {
        var tree = await RunningTreeAsync();
        var (watch, progress) = Start(new WatchRequest(tree.TreeId, "checkout", [SampleTree.Kbuild]));
        await progress.WaitForAsync(WatchUpdateKind.Connected);

        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.SetAsync(tree.Build!, "done", "pass");
        await watch;

        var changes = progress.Updates.Where(u => u.Kind == WatchUpdateKind.NodeChanged).Select(u => $"{u.Node!.Name} {u.Node.State} {u.Node.Status}");
        Assert.Equal(["checkout running Running", "kbuild-gcc-x86 running Running", "checkout available Done", "kbuild-gcc-x86 done Done"], changes);
    }

    private (Task<WatchOutcome> Watch, RecordedProgress Progress) Start(WatchRequest request, TimeProvider? time = null)
    {
        var progress = new RecordedProgress();
        var watch = new NodeWatcher(fixture.Servers.Maestro, time ?? TimeProvider.System).WatchAsync(request, progress, Ct)
            .WaitAsync(TimeSpan.FromSeconds(60), Ct);
        return (watch, progress);
    }

    private async Task<SampleTree> RunningTreeAsync()
    {
        var tree = new SampleTree(fixture.Servers.Maestro, NewTreeId());
        await tree.CheckoutAsync();
        await tree.BuildAsync();
        await tree.BootAsync();
        return tree;
    }

    private static string NewTreeId() => Guid.NewGuid().ToString("N")[..24];
}
