using KernelCI.Host;
using KernelCI.Pipeline.Tests.Api;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

public sealed class LabPullCommandTests
{
    private static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var console = new PipelineTestConsole();
        var exit = await KernelCiCommand.Create(console).Parse(["lab", "pull", .. args]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exit, console.Error.ToString());
    }

    [Fact]
    public async Task Lab_pull_without_a_token_is_a_usage_error_naming_the_option()
    {
        var (exit, error) = await RunAsync("--lab", "pull-a", "--url", "http://127.0.0.1:9/", "--token-file", "/nonexistent/token");

        Assert.Equal(1, exit);
        Assert.Contains("--token-file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lab_pull_with_a_bad_url_is_a_usage_error_naming_the_option()
    {
        var (exit, error) = await RunAsync("--lab", "pull-a", "--url", "ftp://x/");

        Assert.Equal(1, exit);
        Assert.Contains("--url", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lab_pull_with_a_wrong_token_fails_with_the_servers_refusal()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PullHost.StartAsync(stack);
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, "not-the-token", TestContext.Current.CancellationToken);

        var (exit, error) = await RunAsync("--lab", PullHost.Lab, "--url", host.Url, "--token-file", tokenFile, "--once");
        File.Delete(tokenFile);

        Assert.Equal(2, exit);
        Assert.Contains("401 Unauthorized", error, StringComparison.Ordinal);
    }
}
