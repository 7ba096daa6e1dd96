using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Patchset;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Services.Patchset;

public sealed class PatchsetOptionsTests
{
    [Fact]
    public void Defaults_are_valid() => new PatchsetOptions().Validated();

    [Theory]
    [InlineData("https://lore.kernel.org")]
    [InlineData("http://patches.example.org:8080/")]
    public void Bare_origins_are_accepted(string origin) => new PatchsetOptions { AllowedOrigins = [origin] }.Validated();

    [Theory]
    [InlineData("lore.kernel.org")]
    [InlineData("https://lore.kernel.org/all/")]
    [InlineData("ftp://lore.kernel.org")]
    [InlineData("https://user@lore.kernel.org")]
    public void Origin_with_a_path_or_without_a_scheme_is_refused(string origin)
    {
        var error = Assert.Throws<ArgumentException>(() => new PatchsetOptions { AllowedOrigins = [origin] }.Validated());

        Assert.StartsWith("Pipeline:Patchset:AllowedOrigins: ", error.Message);
    }

    [Fact]
    public void The_old_AllowedDomains_is_refused_naming_its_replacement()
    {
        var error = Assert.Throws<ArgumentException>(() => new PatchsetOptions { AllowedDomains = ["lore.kernel.org"] }.Validated());

        Assert.Contains("AllowedOrigins", error.Message);
    }

    [Fact]
    public void Zero_read_timeout_is_refused() =>
        Assert.StartsWith("Pipeline:Patchset:ReadTimeout: ",
            Assert.Throws<ArgumentException>(() => new PatchsetOptions { ReadTimeout = TimeSpan.Zero }.Validated()).Message);

    [Fact]
    public void Zero_concurrent_nodes_is_refused() =>
        Assert.StartsWith("Pipeline:Patchset:MaxConcurrentNodes: ",
            Assert.Throws<ArgumentException>(() => new PatchsetOptions { MaxConcurrentNodes = 0 }.Validated()).Message);

    [Fact]
    public void Invalid_setting_in_the_pipeline_options_stops_the_service_at_start()
    {
        var options = new PipelineOptions
        {
            MaestroUrl = "http://127.0.0.1:1/", StorageUrl = "http://127.0.0.1:1/", KcidbUrl = "http://127.0.0.1:1/",
            Patchset = new PatchsetOptions { DownloadTimeout = TimeSpan.FromSeconds(-1) },
        };
        var services = new ServiceCollection().AddLogging().AddPipelineCore(options, new PipelineConfig());
        PatchsetRegistration.Add(services);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<PatchsetService>());

        Assert.StartsWith("Pipeline:Patchset:DownloadTimeout: ", error.Message);
    }
}
