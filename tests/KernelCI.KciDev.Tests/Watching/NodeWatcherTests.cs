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

        // When 59 s pass the watch goes on; then it gives up (the clock keeps moving: the watcher may have armed its
        // timer just after the first move, from the time before it)
        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200, Ct);
        Assert.False(watch.IsCompleted);
        for (var second = 0; second < 120 && !watch.IsCompleted; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20, Ct);
        }

        var outcome = await watch;
        Assert.Equal((WatchVerdict.TestResultMissing, 2), (outcome.Verdict, outcome.ExitCode));
    }

    [Fact]
    public async Task A_job_run_again_while_waiting_for_the_test_suspends_the_60_seconds()
    {
        // Given every job done, no test result yet, on a clock the test moves
        var tree = await RunningTreeAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (watch, progress) = Start(new WatchRequest(tree.TreeId, "checkout", Jobs, SampleTree.Test), clock);
        await progress.WaitForAsync(WatchUpdateKind.Connected);
        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.SetAsync(tree.Build!, "done", "pass");
        await tree.FinishBootAsync("pass", null);
        await progress.WaitForAsync(WatchUpdateKind.WaitingForTest);

        // When the job is run again (testretry) and the clock passes 60 s while it runs
        var retry = await tree.BootAsync();
        await progress.WaitForAsync(u => u.Node?.Id == retry.Id);
        clock.Advance(TimeSpan.FromSeconds(61));
        await Task.Delay(200, Ct);
        Assert.False(watch.IsCompleted);

        // Then the retry's test result decides
        await tree.FinishBootAsync("pass", "pass");
        Assert.Equal(WatchVerdict.TestPassed, (await watch).Verdict);
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

    [Fact]
    public async Task Without_an_event_stream_the_watch_follows_a_subscription()
    {
        // Given a Maestro that answers /events/stream with 404, as upstream's kernelci-api, and a Maestro user's token
        var tree = await RunningTreeAsync();
        var maestro = Client(new StreamOverride(missing: true), fixture.Servers.Options.MaestroToken);
        var (watch, progress) = Start(new WatchRequest(tree.TreeId, "checkout", Jobs, SampleTree.Test), maestro: maestro);
        await progress.WaitForAsync(WatchUpdateKind.Connected);

        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.SetAsync(tree.Build!, "done", "pass");
        await tree.FinishBootAsync("pass", "pass");

        Assert.Equal(WatchVerdict.TestPassed, (await watch).Verdict);
    }

    [Fact]
    public async Task Without_an_event_stream_or_a_maestro_token_the_watch_says_why()
    {
        var tree = await RunningTreeAsync();
        var maestro = Client(new StreamOverride(missing: true), token: null);

        var error = await Assert.ThrowsAsync<Client.Maestro.MaestroClientException>(() => Start(new WatchRequest(tree.TreeId, "checkout", Jobs), maestro: maestro).Watch);

        Assert.StartsWith("this Maestro API has no /events/stream, and its /subscribe refused the token", error.Message);
    }

    [Fact]
    public async Task A_stream_that_ends_is_opened_again_and_nothing_is_missed()
    {
        // Given the first two streams end as soon as they open
        var tree = await RunningTreeAsync();
        var handler = new StreamOverride(missing: false, streamsToEnd: 2);
        var (watch, progress) = Start(new WatchRequest(tree.TreeId, "checkout", Jobs) { RetryDelay = TimeSpan.FromMilliseconds(10) },
            maestro: Client(handler, token: null));
        await progress.WaitForAsync(u => u.Kind == WatchUpdateKind.Connected && progress.Updates.Count(c => c.Kind == WatchUpdateKind.Reconnecting) == 2);

        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.SetAsync(tree.Build!, "done", "pass");
        await tree.FinishBootAsync("pass", null);

        Assert.Equal(WatchVerdict.Finished, (await watch).Verdict);
        Assert.Equal(3, handler.Streams.Count);
        Assert.Equal(2, progress.Updates.Count(u => u is { Kind: WatchUpdateKind.Reconnecting, Detail: "the event feed ended" }));
    }

    [Fact]
    public async Task A_stream_dropped_mid_watch_resumes_after_the_last_event_it_delivered()
    {
        // Given a first stream that drops right after its first event
        var tree = await RunningTreeAsync();
        var handler = new StreamOverride(missing: false, cutFirstAfterOneEvent: true);
        var (watch, progress) = Start(new WatchRequest(tree.TreeId, "checkout", Jobs) { RetryDelay = TimeSpan.FromMilliseconds(10) },
            maestro: Client(handler, token: null));
        await progress.WaitForAsync(WatchUpdateKind.Connected);

        // When the tree finishes while the watch reconnects
        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.SetAsync(tree.Build!, "done", "pass");
        await tree.FinishBootAsync("pass", null);

        // Then the second stream starts after the first's event, and the watch ends
        Assert.Equal(WatchVerdict.Finished, (await watch).Verdict);
        Assert.Contains("after=now", handler.Streams[0]);
        Assert.Matches("after=[0-9]+", handler.Streams[1]);
    }

    private Client.Maestro.MaestroClient Client(HttpMessageHandler handler, string? token) =>
        new(new HttpClient(handler) { BaseAddress = new Uri(fixture.Servers.Options.MaestroUrl!), Timeout = TimeSpan.FromMinutes(1) }, token);

    private (Task<WatchOutcome> Watch, RecordedProgress Progress) Start(WatchRequest request, TimeProvider? time = null, Client.Maestro.MaestroClient? maestro = null)
    {
        var progress = new RecordedProgress();
        var watch = new NodeWatcher(maestro ?? fixture.Servers.Maestro, time ?? TimeProvider.System).WatchAsync(request, progress, Ct)
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
