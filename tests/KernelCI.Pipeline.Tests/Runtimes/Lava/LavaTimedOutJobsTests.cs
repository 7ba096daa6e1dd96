using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes.Lava;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

public sealed class LavaTimedOutJobsTests
{
    private readonly FakeLava _lava = new();

    [Fact]
    public async Task Timed_out_node_of_a_LAVA_lab_has_its_job_canceled()
    {
        await Jobs().TimedOutAsync(Node("lava-test", "1234"), TestContext.Current.CancellationToken);

        var cancel = Assert.Single(_lava.Requests);
        Assert.Equal(("/api/v0.2/jobs/1234/cancel/", $"Token {LavaHarness.RuntimeToken}"), (cancel.PathAndQuery, cancel.Authorization));
    }

    [Theory]
    [InlineData("shell", "1234")]
    [InlineData("lava-test", null)]
    [InlineData("unknown-lab", "1234")]
    public async Task Other_nodes_cancel_nothing(string runtime, string? jobId)
    {
        await Jobs().TimedOutAsync(Node(runtime, jobId), TestContext.Current.CancellationToken);

        Assert.Empty(_lava.Requests);
    }

    [Fact]
    public async Task Failed_cancel_is_only_logged()
    {
        _lava.Reply = _ => (System.Net.HttpStatusCode.InternalServerError, "");

        await Jobs().TimedOutAsync(Node("lava-test", "1234"), TestContext.Current.CancellationToken);

        Assert.Single(_lava.Requests);
    }

    private LavaTimedOutJobs Jobs()
    {
        var config = new PipelineConfig
        {
            Runtimes = new Dictionary<string, RuntimeConfig>
            {
                ["lava-test"] = LavaHarness.Config(),
                ["shell"] = new("shell", "shell", Rules.None, []),
            },
        };
        return new LavaTimedOutJobs(config, new LavaSecrets(n => n == "lava-test.runtime_token" ? LavaHarness.RuntimeToken : null),
            new LavaHttp(() => _lava), NullLogger<LavaTimedOutJobs>.Instance);
    }

    private static MaestroNode Node(string runtime, string? jobId) => new()
    {
        Id = "node-1", Kind = "job", Name = "baseline-x86",
        Data = jobId is null ? new JsonObject { ["runtime"] = runtime } : new JsonObject { ["runtime"] = runtime, ["job_id"] = jobId },
    };
}
