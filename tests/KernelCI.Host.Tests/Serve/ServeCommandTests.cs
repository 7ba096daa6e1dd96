namespace KernelCI.Host.Tests.Serve;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_with_an_unknown_component_is_a_usage_error()
    {
        var (exitCode, console) = await TestConsole.RunAsync("serve", "--data-dir", Path.GetTempPath(), "--only", "nothing");

        Assert.Equal(1, exitCode);
        Assert.Contains("known: dashboard, maestro, pipeline, kcidb, storage", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_listen_address_that_is_not_an_ip_is_a_usage_error()
    {
        var (exitCode, console) = await TestConsole.RunAsync("serve", "--data-dir", Path.GetTempPath(), "--listen", "not-an-ip");

        Assert.Equal(1, exitCode);
        Assert.Contains("--listen", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_missing_config_file_is_a_usage_error()
    {
        var (exitCode, console) = await TestConsole.RunAsync("serve", "--data-dir", Path.GetTempPath(), "--config", "/nonexistent/kernelci.json");

        Assert.Equal(1, exitCode);
        Assert.Contains("--config", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_missing_pipeline_config_directory_is_a_usage_error()
    {
        var (exitCode, console) = await TestConsole.RunAsync("serve", "--data-dir", Path.GetTempPath(), "--pipeline-config", "/nonexistent/pipeline");

        Assert.Equal(1, exitCode);
        Assert.Contains("--pipeline-config", console.Error.ToString(), StringComparison.Ordinal);
    }
}
