using KernelCI.KciDev.Tests.Pipeline;

namespace KernelCI.KciDev.Tests.TestRetry;

/// <summary>`testretry` against the real pipeline API (kci-dev.md §2.1).</summary>
public sealed class TestRetryCommandTests(PipelineServersFixture fixture) : IClassFixture<PipelineServersFixture>, IDisposable
{
    private readonly PipelineKciDev _kciDev = new(fixture.Servers, fixture.Servers.Token("testretry"));

    [Fact]
    public async Task Testretry_prints_the_pipelines_message()
    {
        var tree = new SampleTree(fixture.Servers.Maestro, Guid.NewGuid().ToString("N")[..24]);
        await tree.CheckoutAsync(state: "available");
        await tree.BuildAsync("done", "pass");
        var job = await tree.BootAsync("done", "fail");

        var result = await _kciDev.RunAsync("testretry", "--nodeid", job.Id!);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal($"OK: job {SampleTree.Job} of {SampleTree.Kbuild} rescheduled (retry 1)\n", result.Output);
        var (request, body) = _kciDev.PipelineRequest();
        Assert.Equal(("/api/jobretry", fixture.Servers.Token("testretry"), $"{{\"nodeid\":\"{job.Id}\"}}"), (request.PathAndQuery, request.Authorization, body.ToJsonString()));
    }

    [Fact]
    public async Task Testretry_rejected_exits_1_with_the_reason()
    {
        var result = await _kciDev.RunAsync("testretry", "--nodeid", "0123456789abcdef01234567");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: test retry request for node 0123456789abcdef01234567 failed: HTTP 404: ", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Testretry_without_nodeid_is_refused()
    {
        var result = await _kciDev.RunAsync("testretry");

        Assert.Equal((1, "kci-dev: --nodeid: required\n"), (result.ExitCode, result.Error));
    }

    public void Dispose() => _kciDev.Dispose();
}
