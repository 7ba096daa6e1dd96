using KernelCI.KciDev.Tests.Pipeline;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Checkout;

/// <summary>The error paths the pipeline commands share, each one line on standard error: no config, unknown instance,
/// a missing key, an unreachable server, a refused token.</summary>
public sealed class PipelineErrorTests(PipelineServersFixture fixture) : IClassFixture<PipelineServersFixture>, IDisposable
{
    private static readonly string[] Checkout = ["checkout", "--giturl", PipelineServers.TreeUrl, "--branch", "main", "--commit", new string('d', 40)];

    private readonly KciDevHarness _kciDev = new();

    [Theory]
    [InlineData("checkout")]
    [InlineData("patchset")]
    [InlineData("testretry")]
    [InlineData("watch")]
    public async Task Without_a_config_file_each_command_says_how_to_make_one(string command)
    {
        var result = await _kciDev.RunAsync(command == "checkout" ? Checkout : [command, "--nodeid", "0123456789abcdef01234567"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: no config file: run `kci-dev config` or pass --settings FILE", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Unknown_instance_lists_the_known_ones()
    {
        var settings = _kciDev.WriteInstance(api: fixture.Servers.Api, pipeline: fixture.Servers.Pipeline, token: "t");

        var result = await _kciDev.RunAsync([.. Checkout, "--instance", "staging"]);

        Assert.Equal((1, $"kci-dev: instance staging: not in {settings} (it has: local)\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Instance_without_pipeline_names_the_key()
    {
        _kciDev.WriteSettings("default_instance = \"local\"\n[local]\napi = \"http://127.0.0.1:1/\"\ntoken = \"t\"\n");

        var result = await _kciDev.RunAsync(Checkout);

        Assert.Equal((1, "kci-dev: instance local: `pipeline` is not set in the config file\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Instance_without_api_cannot_watch()
    {
        _kciDev.WriteSettings("default_instance = \"local\"\n[local]\npipeline = \"http://127.0.0.1:1/\"\ntoken = \"t\"\n");

        var result = await _kciDev.RunAsync("watch", "--nodeid", "0123456789abcdef01234567", "--job-filter", "kbuild-gcc-x86");

        Assert.Equal((1, "kci-dev: instance local: `api` is not set in the config file\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Unreachable_pipeline_exits_64_as_upstream()
    {
        _kciDev.WriteInstance(api: fixture.Servers.Api, pipeline: new Uri($"http://127.0.0.1:{FreePort.BasePort()}/"), token: "t");

        var result = await _kciDev.RunAsync(Checkout);

        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith("kci-dev: pipeline: cannot reach the server: ", result.Error);
    }

    [Fact]
    public async Task Unreachable_maestro_exits_2()
    {
        _kciDev.WriteInstance(api: new Uri($"http://127.0.0.1:{FreePort.BasePort()}/"), pipeline: fixture.Servers.Pipeline, token: "t");

        var result = await _kciDev.RunAsync("watch", "--nodeid", "0123456789abcdef01234567", "--job-filter", "kbuild-gcc-x86");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("kci-dev: Maestro API: cannot reach the server: ", result.Error);
    }

    [Theory]
    [InlineData("forged-token")]
    [InlineData("")]
    public async Task Refused_token_exits_64_with_the_servers_reply(string token)
    {
        _kciDev.WriteInstance(api: fixture.Servers.Api, pipeline: fixture.Servers.Pipeline, token: token);

        var result = await _kciDev.RunAsync(Checkout);

        Assert.Equal(token.Length == 0 ? 1 : 64, result.ExitCode);
        Assert.StartsWith(token.Length == 0 ? "kci-dev: instance local: `token` is not set" : "kci-dev: pipeline: HTTP 401: {\"message\":", result.Error);
    }

    [Fact]
    public async Task Token_without_the_permission_exits_64()
    {
        _kciDev.WriteInstance(api: fixture.Servers.Api, pipeline: fixture.Servers.Pipeline, token: fixture.Servers.Token("testretry"));

        var result = await _kciDev.RunAsync(Checkout);

        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith("kci-dev: pipeline: HTTP 401: ", result.Error);
        Assert.Contains("checkout", result.Error);
    }

    public void Dispose() => _kciDev.Dispose();
}
