using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Tests.Pipeline;

namespace KernelCI.KciDev.Tests.Watch;

/// <summary>On a terminal the watch draws a live table of the nodes instead of one line per change.</summary>
public sealed class WatchTerminalTests(PipelineServersFixture fixture) : IClassFixture<PipelineServersFixture>, IDisposable
{
    private readonly PipelineKciDev _kciDev = new(fixture.Servers, "t");

    [Fact]
    public async Task Watch_on_a_terminal_shows_a_table_of_the_nodes()
    {
        var tree = new SampleTree(fixture.Servers.Maestro, Guid.NewGuid().ToString("N")[..24]);
        await tree.CheckoutAsync();
        await tree.BuildAsync();
        var output = new StringWriter();
        var error = new StringWriter();
        var harness = _kciDev.Harness;
        var context = new CliContext(new KciConsole(output, error, isTerminal: true), _ => null, harness.HomeDirectory, harness.WorkingDirectory,
            harness.SystemConfigDirectory, harness.Handler, TimeProvider.System);
        var watch = KciDevApp.RunAsync(["watch", "--nodeid", tree.Checkout!.Id!, "--job-filter", SampleTree.Kbuild], context, TestContext.Current.CancellationToken);

        await tree.SetAsync(tree.Checkout, "available", null);
        await tree.SetAsync(tree.Build!, "done", "pass");

        Assert.Equal(0, await watch.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        var text = System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]", "");
        Assert.Contains("verdict", text);
        Assert.Contains(tree.Build!.Id!, text);
        Assert.DoesNotContain("PASS kbuild: ", text);
        Assert.Contains("All jobs completed", text);
    }

    public void Dispose() => _kciDev.Dispose();
}
