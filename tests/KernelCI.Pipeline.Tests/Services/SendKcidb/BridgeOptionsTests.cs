using KernelCI.Pipeline.Services.SendKcidb;
using Microsoft.Extensions.Configuration;

namespace KernelCI.Pipeline.Tests.Services.SendKcidb;

public sealed class BridgeOptionsTests
{
    [Fact]
    public void Bridge_settings_bind_from_the_pipeline_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:Bridge:SweepInterval"] = "00:00:05",
            ["Pipeline:Bridge:BatchSize"] = "50",
        }).Build();

        var options = configuration.GetSection("Pipeline").Get<PipelineOptions>()!;

        Assert.Equal(new BridgeOptions { SweepInterval = TimeSpan.FromSeconds(5), BatchSize = 50 }, options.Bridge);
    }

    [Fact]
    public void Zero_batch_size_is_refused_naming_the_setting()
    {
        var result = new BridgeOptionsValidator().Validate("Pipeline:Bridge", new BridgeOptions { BatchSize = 0 });

        Assert.StartsWith("Pipeline:Bridge:BatchSize:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
