using Microsoft.AspNetCore.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Pipeline.Tests.Services.SendKcidb;

public sealed class SendKcidbTests
{
    private static readonly TimeSpan NoSweep = TimeSpan.FromHours(1);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Done_nodes_reach_KCIDB_through_events_and_are_marked_processed(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        using var bridge = await BridgeHost.StartAsync(stack, NoSweep);

        var (checkout, kbuild, job) = await CreateTreeAsync(stack.Maestro);

        Assert.True(await Eventually.UntilAsync(() => AllProcessedAsync(stack.Maestro, checkout, kbuild, job)));
        Assert.True(await Eventually.UntilAsync(async () => await TestsInKcidbAsync(stack, checkout) == 1));
        using var document = await stack.Kcidb.QueryAsync(new KcidbQuery { Checkouts = [$"maestro:{checkout.Id}"], Children = true });
        var build = document.RootElement.GetProperty("builds")[0];
        Assert.Equal($"maestro:{kbuild.Id}", build.GetProperty("id").GetString());
        Assert.Equal("PASS", build.GetProperty("status").GetString());
        Assert.Equal("boot", document.RootElement.GetProperty("tests")[0].GetProperty("path").GetString());
        await bridge.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Sweep_sends_nodes_whose_events_were_never_seen(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        var checkout = await stack.Maestro.CreateNodeAsync(Checkout("running"), TestContext.Current.CancellationToken);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var bridge = await BridgeHost.StartAsync(stack, TimeSpan.FromMinutes(1), time);

        // noevent: the bridge hears nothing of this change; only its sweep can find the node.
        var done = await stack.Maestro.UpdateNodeAsync(checkout with { State = "done", Result = "pass" }, noEvent: true,
            TestContext.Current.CancellationToken);

        Assert.True(await Eventually.UntilAsync(() =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return AllProcessedAsync(stack.Maestro, done);
        }));
        Assert.True(await Eventually.UntilAsync(async () => await CheckoutsInKcidbAsync(stack, done) == 1));
        await bridge.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Hierarchy_written_at_once_is_sent_down_to_its_leaves()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var bridge = await BridgeHost.StartAsync(stack, NoSweep);
        var ct = TestContext.Current.CancellationToken;
        var (checkout, kbuild, _) = await CreateTreeAsync(stack.Maestro);
        var root = await stack.Maestro.CreateNodeAsync(BridgeNodes.Job("kselftest-dt", null, parent: kbuild.Id!) with
        {
            Id = null, Created = null, State = "running",
        }, ct);
        string[] suitePath = [.. root.Path, "kselftest-dt"];
        MaestroNode Child(string name, string kind, string result, IReadOnlyList<string> path) =>
            BridgeNodes.Job(name, result, path, kind: kind) with { Id = null, Parent = null, Created = null };

        var tree = new NodeTree(root with { State = "done", Result = "pass" },
        [
            new(Child("setup", "job", "pass", [.. root.Path, "setup"]), [new(Child("login", "test", "pass", [.. root.Path, "setup", "login"]), [])]),
            new(Child("kselftest-dt", "job", "fail", suitePath),
            [
                new(Child("a", "test", "pass", [.. suitePath, "a"]), []),
                new(Child("b", "test", "fail", [.. suitePath, "b"]), []),
            ]),
        ]);
        var written = await stack.Maestro.PutTreeAsync(root.Id!, tree, ct);

        Assert.True(await Eventually.UntilAsync(() => AllProcessedAsync(stack.Maestro, [.. written])));
        Assert.True(await Eventually.UntilAsync(async () => await TestsInKcidbAsync(stack, checkout) == 5));
        using var document = await stack.Kcidb.QueryAsync(new KcidbQuery { Checkouts = [$"maestro:{checkout.Id}"], Children = true }, ct);
        var paths = document.RootElement.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("path").GetString()).Order();
        Assert.Equal(["boot", "kselftest.dt", "kselftest.dt", "kselftest.dt.a", "kselftest.dt.b"], paths);
        await bridge.StopAsync(ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Patchset_build_and_tests_reach_KCIDB_under_the_patchset_checkout(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        using var bridge = await BridgeHost.StartAsync(stack, NoSweep);
        var ct = TestContext.Current.CancellationToken;
        var checkout = await stack.Maestro.CreateNodeAsync(Checkout("done"), ct);
        var patchset = await stack.Maestro.CreateNodeAsync(BridgeNodes.Patchset(checkout.Id!) with { Id = null, Created = null }, ct);
        var kbuild = await stack.Maestro.CreateNodeAsync(BridgeNodes.Kbuild("available", artifacts: new Dictionary<string, string>())
            with { Id = null, Created = null, Parent = patchset.Id, Path = [.. patchset.Path, "kbuild-gcc-x86"] }, ct);
        var root = await stack.Maestro.CreateNodeAsync(BridgeNodes.Job("kselftest-dt", null, [.. kbuild.Path, "kselftest-dt"], parent: kbuild.Id!)
            with { Id = null, Created = null, State = "running" }, ct);
        string[] suitePath = [.. root.Path, "kselftest-dt"];
        MaestroNode Child(string name, string kind, string result, IReadOnlyList<string> path) =>
            BridgeNodes.Job(name, result, path, kind: kind) with { Id = null, Parent = null, Created = null };
        var written = await stack.Maestro.PutTreeAsync(root.Id!, new NodeTree(root with { State = "done", Result = "pass" },
        [
            new(Child("kselftest-dt", "job", "fail", suitePath), [new(Child("a", "test", "fail", [.. suitePath, "a"]), [])]),
        ]), ct);

        Assert.True(await Eventually.UntilAsync(() => AllProcessedAsync(stack.Maestro, [patchset, kbuild, .. written])));
        Assert.True(await Eventually.UntilAsync(async () => await TestsInKcidbAsync(stack, patchset) == 3));
        using var document = await stack.Kcidb.QueryAsync(new KcidbQuery { Checkouts = [$"maestro:{patchset.Id}"], Children = true }, ct);
        var sent = document.RootElement.GetProperty("checkouts")[0];
        Assert.Equal(BridgeNodes.PatchsetHash, sent.GetProperty("patchset_hash").GetString());
        Assert.Equal(2, sent.GetProperty("patchset_files").GetArrayLength());
        Assert.Equal($"maestro:{kbuild.Id}", document.RootElement.GetProperty("builds")[0].GetProperty("id").GetString());
        var paths = document.RootElement.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("path").GetString()).Order();
        Assert.Equal(["kselftest.dt", "kselftest.dt", "kselftest.dt.a"], paths);
        await bridge.StopAsync(ct);
    }

    [Fact]
    public async Task KCIDB_down_then_up_loses_nothing_and_marks_nothing_before_acceptance()
    {
        await using var flaky = await FlakyProxy.StartAsync();
        var down = true;
        flaky.Refuse = _ => Volatile.Read(ref down) ? StatusCodes.Status503ServiceUnavailable : null;
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with { KcidbUrl = flaky.Front(o.KcidbUrl!) });
        using var bridge = await BridgeHost.StartAsync(stack, NoSweep);

        var (checkout, kbuild, job) = await CreateTreeAsync(stack.Maestro);
        Assert.True(await Eventually.UntilAsync(() => Task.FromResult(flaky.Refused >= 2)));

        foreach (var node in new[] { checkout, kbuild, job })
        {
            Assert.False((await stack.Maestro.GetNodeAsync(node.Id!, TestContext.Current.CancellationToken))!.ProcessedByKcidbBridge);
        }

        Volatile.Write(ref down, false);
        Assert.True(await Eventually.UntilAsync(() => AllProcessedAsync(stack.Maestro, checkout, kbuild, job)));
        Assert.True(await Eventually.UntilAsync(async () => await TestsInKcidbAsync(stack, checkout) == 1));
        await bridge.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Node_refused_by_KCIDB_stays_unsent_without_holding_back_its_batch()
    {
        await using var flaky = await FlakyProxy.StartAsync();
        flaky.Refuse = request => request.Body.Contains("poison", StringComparison.Ordinal) ? StatusCodes.Status400BadRequest : null;
        await using var stack = await PipelineTestStack.StartAsync(configure: o => o with { KcidbUrl = flaky.Front(o.KcidbUrl!) });
        var ct = TestContext.Current.CancellationToken;
        var good = await stack.Maestro.CreateNodeAsync(Checkout("done"), ct);
        var bad = Checkout("done");
        bad.Data["kernel_revision"]!["tree"] = "poison";
        bad = await stack.Maestro.CreateNodeAsync(bad, ct);

        // Started after both exist, so they meet in the first sweep's single batch.
        using var bridge = await BridgeHost.StartAsync(stack, NoSweep);

        Assert.True(await Eventually.UntilAsync(() => AllProcessedAsync(stack.Maestro, good)));
        Assert.True(await Eventually.UntilAsync(async () => await CheckoutsInKcidbAsync(stack, good) == 1));
        Assert.False((await stack.Maestro.GetNodeAsync(bad.Id!, ct))!.ProcessedByKcidbBridge);
        await bridge.StopAsync(ct);
    }

    internal static MaestroNode Checkout(string state) => BridgeNodes.Checkout(state, state == "running" ? null : "pass") with { Id = null, Created = null };

    internal static async Task<(MaestroNode Checkout, MaestroNode Kbuild, MaestroNode Job)> CreateTreeAsync(MaestroClient maestro)
    {
        var ct = TestContext.Current.CancellationToken;
        var checkout = await maestro.CreateNodeAsync(Checkout("available"), ct);
        var kbuild = await maestro.CreateNodeAsync(BridgeNodes.Kbuild("available", artifacts: new Dictionary<string, string>())
            with { Id = null, Created = null, Parent = checkout.Id }, ct);
        var job = await maestro.CreateNodeAsync(BridgeNodes.Job("baseline-x86", "pass", parent: kbuild.Id!) with { Id = null, Created = null }, ct);
        return (checkout, kbuild, job);
    }

    private static async Task<bool> AllProcessedAsync(MaestroClient maestro, params MaestroNode[] nodes)
    {
        foreach (var node in nodes)
        {
            if ((await maestro.GetNodeAsync(node.Id!, TestContext.Current.CancellationToken))?.ProcessedByKcidbBridge != true)
            {
                return false;
            }
        }

        return true;
    }

    private static Task<int> TestsInKcidbAsync(PipelineTestStack stack, MaestroNode checkout) => CountAsync(stack, checkout, "tests");

    private static Task<int> CheckoutsInKcidbAsync(PipelineTestStack stack, MaestroNode checkout) => CountAsync(stack, checkout, "checkouts");

    private static async Task<int> CountAsync(PipelineTestStack stack, MaestroNode checkout, string type)
    {
        using var document = await stack.Kcidb.QueryAsync(new KcidbQuery { Checkouts = [$"maestro:{checkout.Id}"], Children = true },
            TestContext.Current.CancellationToken);
        return document.RootElement.TryGetProperty(type, out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : 0;
    }
}
