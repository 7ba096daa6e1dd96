using KernelCI.Data;
using KernelCI.Host.Pipeline;
using KernelCI.Pipeline.Tests.Api;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Services.SendKcidb;

public sealed class PipelinePendingCommandTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Pending_lists_unsent_nodes_and_not_sent_or_unsendable_ones(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        var ct = TestContext.Current.CancellationToken;
        var (checkout, kbuild, job) = await SendKcidbTests.CreateTreeAsync(stack.Maestro);
        var running = await stack.Maestro.CreateNodeAsync(SendKcidbTests.Checkout("running"), ct);
        await stack.Maestro.SetProcessedByKcidbBridgeAsync([checkout.Id!], cancellationToken: ct);
        var console = new PipelineTestConsole();

        var exit = await PipelinePendingCommand.Create(console).Parse(["--api", stack.Options.MaestroUrl!, "--token", stack.Options.MaestroToken!]).InvokeAsync(cancellationToken: ct);

        Assert.Equal(0, exit);
        var output = console.Out.ToString();
        Assert.StartsWith("ID", output, StringComparison.Ordinal);
        Assert.Contains(kbuild.Id!, output, StringComparison.Ordinal);
        Assert.Contains(job.Id!, output, StringComparison.Ordinal);
        Assert.DoesNotContain(checkout.Id!, output, StringComparison.Ordinal);
        Assert.DoesNotContain(running.Id!, output, StringComparison.Ordinal);
        Assert.Contains("2 node(s) pending", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_with_an_unreachable_api_fails_naming_the_option()
    {
        var console = new PipelineTestConsole();

        var exit = await PipelinePendingCommand.Create(console).Parse(["--api", "http://127.0.0.1:1/latest/"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exit);
        Assert.StartsWith("--api:", console.Error.ToString(), StringComparison.Ordinal);
    }
}
