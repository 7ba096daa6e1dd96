using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Services.SendKcidb;
using KernelCI.Pipeline.Services.Timeout;

namespace KernelCI.Pipeline.Tests;

public sealed class PipelineOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid() =>
        Assert.True(new PipelineOptionsValidator().Validate("Pipeline", new PipelineOptions()).Succeeded);

    [Fact]
    public void Every_failure_is_named_as_its_pipeline_key()
    {
        var options = new PipelineOptions
        {
            Bridge = new BridgeOptions { BatchSize = 0 },
            Api = new ApiOptions { BodyTimeout = TimeSpan.Zero },
            Timeout = new TimeoutOptions { Period = TimeSpan.Zero },
        };

        var failures = new PipelineOptionsValidator().Validate("Pipeline", options).Failures!;

        Assert.Equal(["Pipeline:Bridge:BatchSize", "Pipeline:Timeout:Period", "Pipeline:Api:BodyTimeout"],
            failures.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData(0, 1, 30, "Pipeline:Regressions:MaxBisections")]
    [InlineData(1, 9, 30, "Pipeline:Regressions:RetryFail")]
    [InlineData(1, 1, 61, "Pipeline:Regressions:FeedWait")]
    public void Bad_regressions_option_is_named(int maxBisections, int retryFail, int feedWaitSeconds, string key)
    {
        var options = new PipelineOptions
        {
            Regressions = new() { MaxBisections = maxBisections, RetryFail = retryFail, FeedWait = TimeSpan.FromSeconds(feedWaitSeconds) },
        };

        var failure = Assert.Single(new PipelineOptionsValidator().Validate("Pipeline", options).Failures!);

        Assert.StartsWith(key + ": ", failure, StringComparison.Ordinal);
    }
}
