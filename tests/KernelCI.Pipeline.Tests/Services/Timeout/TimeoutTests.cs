using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Pipeline.Services.Timeout;
using KernelCI.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Pipeline.Tests.Services.Timeout;

public sealed class TimeoutTests
{
    private static readonly DateTime Start = DateTime.UtcNow;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Expired_node_becomes_done_incomplete_with_node_timeout_and_its_children_stay(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        var expired = await CreateAsync(stack, "kbuild", timeout: Start.AddMinutes(30));
        var child = await CreateAsync(stack, "job", parent: expired.Id, timeout: Start.AddHours(5));
        var alive = await CreateAsync(stack, "kbuild", timeout: Start.AddHours(2));

        await Sweeper(stack).TimeoutAsync(TestContext.Current.CancellationToken);

        var done = await GetAsync(stack, expired);
        Assert.Equal(("done", "incomplete", "node_timeout"), (done.State, done.Result, done.Data["error_code"]?.ToString()));
        Assert.Equal("running", (await GetAsync(stack, child)).State);
        Assert.Equal("running", (await GetAsync(stack, alive)).State);
    }

    [Fact]
    public async Task Each_node_moved_is_counted_with_its_mode_and_new_state()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var meters = TestMeters.NewFactory();
        using var recorder = new MetricRecorder(meters, PipelineMetrics.MeterName);
        await CreateAsync(stack, "kbuild", timeout: Start.AddMinutes(30));
        await CreateAsync(stack, "kbuild", timeout: Start.AddMinutes(40));

        await Sweeper(stack, meters).TimeoutAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, recorder.Value("pipeline_timeout_nodes_moved_total", ("mode", "timeout"), ("state", "done")));
    }

    [Fact]
    public async Task Expired_node_with_a_result_keeps_it_and_gets_no_error_code()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var node = await CreateAsync(stack, "checkout", timeout: Start.AddMinutes(30), state: "available", result: "pass");

        await Sweeper(stack).TimeoutAsync(TestContext.Current.CancellationToken);

        var done = await GetAsync(stack, node);
        Assert.Equal(("done", "pass"), (done.State, done.Result));
        Assert.Null(done.Data["error_code"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Holdoff_over_closes_a_node_with_a_running_child_and_ends_one_without(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        var busy = await CreateAsync(stack, "checkout", state: "available", result: "pass", holdoff: Start.AddMinutes(10));
        await CreateAsync(stack, "kbuild", parent: busy.Id);
        var idle = await CreateAsync(stack, "checkout", state: "available", result: "pass", holdoff: Start.AddMinutes(10));
        var waiting = await CreateAsync(stack, "checkout", state: "available", result: "pass", holdoff: Start.AddHours(2));

        await Sweeper(stack).HoldoffAsync(TestContext.Current.CancellationToken);

        Assert.Equal("closing", (await GetAsync(stack, busy)).State);
        Assert.Equal("done", (await GetAsync(stack, idle)).State);
        Assert.Equal("available", (await GetAsync(stack, waiting)).State);
    }

    [Fact]
    public async Task Holdoff_over_closes_a_checkout_whose_done_kbuild_still_has_a_running_job()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var checkout = await CreateAsync(stack, "checkout", state: "available", result: "pass", holdoff: Start.AddMinutes(10));
        // Our kbuilds end done/pass at once (docs/pipeline/runtimes.md); their jobs still hold the checkout open.
        var kbuild = await CreateAsync(stack, "kbuild", parent: checkout.Id, state: "done", result: "pass");
        await CreateAsync(stack, "job", parent: kbuild.Id);

        await Sweeper(stack).HoldoffAsync(TestContext.Current.CancellationToken);

        Assert.Equal("closing", (await GetAsync(stack, checkout)).State);
        Assert.Equal("done", (await GetAsync(stack, kbuild)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Closing_node_ends_only_once_every_descendant_is_done(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        var closing = await CreateAsync(stack, "checkout", state: "closing", result: "pass");
        var child = await CreateAsync(stack, "kbuild", parent: closing.Id, state: "done", result: "pass");
        var grandchild = await CreateAsync(stack, "job", parent: child.Id);
        var sweeper = Sweeper(stack);

        await sweeper.ClosingAsync(TestContext.Current.CancellationToken);
        Assert.Equal("closing", (await GetAsync(stack, closing)).State);

        await stack.Maestro.PatchNodeAsync(grandchild.Id!, new JsonObject { ["state"] = "done", ["result"] = "pass" });
        await sweeper.ClosingAsync(TestContext.Current.CancellationToken);
        Assert.Equal("done", (await GetAsync(stack, closing)).State);
    }

    [Fact]
    public async Task Sweep_service_runs_again_each_period()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(Start.AddHours(1)));
        var sweep = new TimeoutSweep(new NodeSweeper(stack.Maestro, clock, new PipelineMetrics(TestMeters.NewFactory()), NullLogger<NodeSweeper>.Instance),
            new TimeoutOptions { Period = TimeSpan.FromSeconds(60) }, clock, NullLogger<TimeoutSweep>.Instance);
        await sweep.StartAsync(TestContext.Current.CancellationToken);
        var node = await CreateAsync(stack, "kbuild", timeout: Start.AddMinutes(90));

        try
        {
            clock.Advance(TimeSpan.FromMinutes(31));
            await WaitUntilAsync(async () => (await GetAsync(stack, node)).State == "done");
        }
        finally
        {
            await sweep.StopAsync(CancellationToken.None);
        }
    }

    private static NodeSweeper Sweeper(PipelineTestStack stack, IMeterFactory? meters = null) =>
        new(stack.Maestro, new FakeTimeProvider(new DateTimeOffset(Start.AddHours(1))),
            new PipelineMetrics(meters ?? TestMeters.NewFactory()), NullLogger<NodeSweeper>.Instance);

    private static async Task<MaestroNode> CreateAsync(PipelineTestStack stack, string kind, string? parent = null, DateTime? timeout = null,
        string state = "running", string? result = null, DateTime? holdoff = null)
    {
        var node = await stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = kind,
            Name = kind,
            Path = [kind],
            Parent = parent,
            Timeout = timeout ?? Start.AddHours(6),
        });
        if (state == "running")
        {
            return node;
        }

        var fields = new JsonObject { ["state"] = state, ["result"] = result };
        if (holdoff is { } h)
        {
            fields["holdoff"] = h.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
        }

        return await stack.Maestro.PatchNodeAsync(node.Id!, fields);
    }

    private static async Task<MaestroNode> GetAsync(PipelineTestStack stack, MaestroNode node) => (await stack.Maestro.GetNodeAsync(node.Id!))!;

    /// <summary>The service runs on its own task: wait (bounded) for it to reach the expected state.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }
}
