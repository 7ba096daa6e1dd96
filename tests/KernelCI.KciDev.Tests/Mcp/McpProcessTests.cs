using System.Diagnostics;
using KernelCI.Testing;
using ModelContextProtocol.Client;

namespace KernelCI.KciDev.Tests.Mcp;

/// <summary>The built `kci-dev` executable as an MCP client configuration runs it: `kci-dev mcp` on stdio, and
/// `kci-dev mcp --transport http` as a server an agent connects to.</summary>
public sealed class McpProcessTests : IDisposable
{
    private readonly KciDevHarness _kciDev = new();

    private static string Executable => Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "KernelCI.KciDev",
        AppContext.BaseDirectory.Contains("/release/", StringComparison.Ordinal) ? "release" : "debug", "kci-dev");

    [Fact]
    public async Task Stdio_server_lists_the_write_tools_with_a_token()
    {
        var settings = _kciDev.WriteInstance(new Uri("http://127.0.0.1:9/api/"), new Uri("http://127.0.0.1:9/"), new Uri("http://127.0.0.1:9/"), "secret");
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = Executable, Arguments = ["--settings", settings, "mcp"], WorkingDirectory = _kciDev.WorkingDirectory,
        });

        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("kci-dev", client.ServerInfo?.Name);
        Assert.Contains(tools, t => t.Name == "trigger_checkout");
        Assert.Equal(22, tools.Count);
    }

    [Fact]
    public async Task Stdio_server_ends_when_its_input_closes()
    {
        using var process = Process.Start(new ProcessStartInfo(Executable, ["mcp"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _kciDev.WorkingDirectory,
        })!;

        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Http_server_lists_no_write_tools_without_a_token()
    {
        var settings = _kciDev.WriteSettings("""
            default_instance = "local"
            [local]
            api = "http://127.0.0.1:9/"
            pipeline = "http://127.0.0.1:9/"
            dashboard_api = "http://127.0.0.1:9/api/"
            """);
        using var process = Process.Start(new ProcessStartInfo(Executable, ["--settings", settings, "mcp", "--transport", "http", "--port", "0"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _kciDev.WorkingDirectory,
        })!;
        try
        {
            // The server says where it listens on standard error once it does.
            var line = await process.StandardError.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60),
                TestContext.Current.CancellationToken);
            Assert.StartsWith("kci-dev: MCP server listening on http://127.0.0.1:", line);
            var endpoint = new Uri(line!.Split(' ')[^1]);
            Assert.Equal("/mcp", endpoint.AbsolutePath);

            await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint }),
                cancellationToken: TestContext.Current.CancellationToken);
            var tools = (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.Name).ToList();

            Assert.Contains("list_nodes", tools);
            Assert.DoesNotContain("retry_job", tools);
            Assert.Equal(19, tools.Count);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => _kciDev.Dispose();
}
