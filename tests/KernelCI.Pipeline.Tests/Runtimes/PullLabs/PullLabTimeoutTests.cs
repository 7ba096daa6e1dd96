using KernelCI.Pipeline.Runtimes.Lava.Callback;
using KernelCI.Pipeline.Services.Timeout;
using KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

/// <summary>A claimed job whose lab never answers is ended by the pipeline's timeout service, like any node.</summary>
public sealed class PullLabTimeoutTests
{
    [Fact]
    public async Task A_claimed_job_past_its_timeout_ends_node_timeout_and_a_late_result_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PullHost.StartAsync(stack);
        var node = await host.QueueAsync();
        Assert.Equal(200, (await host.ClaimAsync(node.Id!)).Status);
        var clock = new FakeTimeProvider(node.Timeout!.Value.AddMinutes(1));
        var sweeper = new NodeSweeper(stack.Maestro, clock, new PipelineMetrics(TestMeters.NewFactory()), NullLogger<NodeSweeper>.Instance);

        await sweeper.TimeoutAsync(ct);
        var (status, body) = await host.SendAsync(HttpMethod.Post, $"node/{node.Id}", body: CallbackPayloads.Body(nodeId: node.Id!).ToJsonString());

        var done = (await stack.Maestro.GetNodeAsync(node.Id!, ct))!;
        Assert.Equal(("done", "incomplete", "node_timeout"), (done.State, done.Result, done.Data["error_code"]?.ToString()));
        Assert.Equal(202, status);
        Assert.Contains("already done", body, StringComparison.Ordinal);
        Assert.Equal((0L, 0L), await host.Service<LavaCallbackStore>().CountAsync(ct));
    }
}
