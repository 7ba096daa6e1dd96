using System.Net;
using System.Net.Sockets;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Mcp;

/// <summary>`kci-dev mcp`'s own options: bad ones are one line on standard error and a non-zero exit, before any server
/// starts.</summary>
public sealed class McpCommandTests : IDisposable
{
    private readonly KciDevHarness _kciDev = new();

    [Fact]
    public async Task An_unknown_transport_is_refused()
    {
        var result = await _kciDev.RunAsync("mcp", "--transport", "sse");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("kci-dev: --transport sse: must be stdio or http\n", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_port_out_of_range_is_one_line()
    {
        var result = await _kciDev.RunAsync("mcp", "--transport", "http", "--port", "70000");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("kci-dev: --port 70000: must be between 0 and 65535\n", result.Error);
    }

    [Fact]
    public async Task An_unknown_instance_is_one_line()
    {
        _kciDev.WriteInstance(dashboardApi: new Uri("http://dashboard.test/api/"));

        var result = await _kciDev.RunAsync("--instance", "staging", "mcp");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: instance staging: not in ", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_port_in_use_is_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await _kciDev.RunAsync("mcp", "--transport", "http", "--port", port);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: ", result.Error);
        Assert.Contains(port, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Write_tools_are_not_served_over_http_on_a_public_address()
    {
        // Given an instance whose token would let the write tools start checkouts
        _kciDev.WriteInstance(new Uri("http://127.0.0.1:9/api/"), new Uri("http://127.0.0.1:9/"), new Uri("http://127.0.0.1:9/"), "secret");

        // When the HTTP server is asked to listen on every address
        var result = await _kciDev.RunAsync("mcp", "--transport", "http", "--host", "0.0.0.0", "--port", "0");

        // Then it refuses in one line before listening
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: --host 0.0.0.0: the write tools", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    public void Dispose() => _kciDev.Dispose();
}
