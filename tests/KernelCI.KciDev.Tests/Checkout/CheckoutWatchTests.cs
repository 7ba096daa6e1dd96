using KernelCI.KciDev.Tests.Pipeline;

namespace KernelCI.KciDev.Tests.Checkout;

/// <summary>`checkout --watch --test`: the checkout the pipeline API made is followed until its test decides.</summary>
public sealed class CheckoutWatchTests(PipelineServersFixture fixture) : IClassFixture<PipelineServersFixture>, IDisposable
{
    private readonly PipelineKciDev _kciDev = new(fixture.Servers, fixture.Servers.Token("checkout"));

    [Theory]
    [InlineData("pass", "pass", 0)]
    [InlineData("pass", "fail", 1)]
    [InlineData("incomplete", null, 2)]
    public async Task Checkout_watch_exits_with_the_tests_verdict(string jobResult, string? testResult, int exitCode)
    {
        // Given kci-dev asked for a checkout and is watching it
        await using var created = await NodeCreated.ListenAsync(fixture.Servers.Maestro, "checkout");
        var run = _kciDev.RunAsync("checkout", "--giturl", PipelineServers.TreeUrl, "--branch", "main", "--commit", new string('c', 40),
            "--job-filter", SampleTree.Kbuild, "--job-filter", SampleTree.Job, "--watch", "--test", SampleTree.Test)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var tree = SampleTree.Of(fixture.Servers.Maestro, await created.NextAsync());

        // When the pipeline builds and boots it
        await tree.BuildAsync();
        await tree.SetAsync(tree.Checkout!, "available", null);
        await tree.BootAsync();
        await tree.SetAsync(tree.Build!, "done", "pass");
        await tree.FinishBootAsync(jobResult, testResult);

        // Then the exit code is the test's verdict
        var result = await run;
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains($"treeid: {tree.TreeId}\ncheckout_nodeid: {tree.Checkout!.Id}\nWatching for jobs on treeid: {tree.TreeId}\nWatching for test result: login\n", result.Output);
    }

    public void Dispose() => _kciDev.Dispose();
}
