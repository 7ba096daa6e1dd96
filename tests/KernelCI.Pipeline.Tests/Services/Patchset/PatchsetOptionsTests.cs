using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Patchset;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Tests.Services.Patchset;

public sealed class PatchsetOptionsTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.True(Check(new PatchsetOptions()).Succeeded);

    [Theory]
    [InlineData("https://lore.kernel.org")]
    [InlineData("http://patches.example.org:8080/")]
    public void Bare_origins_are_accepted(string origin) =>
        Assert.True(Check(new PatchsetOptions { AllowedOrigins = [origin] }).Succeeded);

    [Theory]
    [InlineData("lore.kernel.org")]
    [InlineData("https://lore.kernel.org/all/")]
    [InlineData("ftp://lore.kernel.org")]
    [InlineData("https://user@lore.kernel.org")]
    public void Origin_with_a_path_or_without_a_scheme_is_refused(string origin)
    {
        var error = Failure(new PatchsetOptions { AllowedOrigins = [origin] });

        Assert.StartsWith("Pipeline:Patchset:AllowedOrigins: ", error);
    }

    [Fact]
    public void The_old_AllowedDomains_is_refused_naming_its_replacement()
    {
        var error = Failure(new PatchsetOptions { AllowedDomains = ["lore.kernel.org"] });

        Assert.Contains("AllowedOrigins", error);
    }

    [Fact]
    public void Zero_read_timeout_is_refused() =>
        Assert.StartsWith("Pipeline:Patchset:ReadTimeout: ",
            Failure(new PatchsetOptions { ReadTimeout = TimeSpan.Zero }));

    [Fact]
    public void Zero_concurrent_nodes_is_refused() =>
        Assert.StartsWith("Pipeline:Patchset:MaxConcurrentNodes: ",
            Failure(new PatchsetOptions { MaxConcurrentNodes = 0 }));

    [Fact]
    public void Invalid_setting_in_the_pipeline_options_stops_the_service_at_start()
    {
        var options = new PipelineOptions
        {
            MaestroUrl = "http://127.0.0.1:1/", StorageUrl = "http://127.0.0.1:1/", KcidbUrl = "http://127.0.0.1:1/",
            Patchset = new PatchsetOptions { DownloadTimeout = TimeSpan.FromSeconds(-1) },
        };
        var services = new ServiceCollection().AddLogging();

        var error = Assert.Throws<OptionsValidationException>(() => services.AddPipelineCore(options, new PipelineConfig()));

        Assert.StartsWith("Pipeline:Patchset:DownloadTimeout: ", error.Message);
    }

    private static ValidateOptionsResult Check(PatchsetOptions options) => new PatchsetOptionsValidator().Validate("Pipeline:Patchset", options);

    private static string Failure(PatchsetOptions options) => Assert.Single(Check(options).Failures!);
}
