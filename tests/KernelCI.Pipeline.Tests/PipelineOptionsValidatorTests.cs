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
}
