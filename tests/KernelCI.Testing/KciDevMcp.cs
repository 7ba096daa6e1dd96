using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Mcp;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace KernelCI.Testing;

/// <summary>Our `kci-dev mcp` server in process with a real MCP client of the ModelContextProtocol package talking to
/// it, over stdio-like streams (two pipes) or streamable HTTP on a loopback port. HTTP to the dashboard, Maestro and
/// the pipeline goes through <c>handler</c>, so tests point it at in-process servers or a recording handler.</summary>
public sealed class KciDevMcp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _server = Task.CompletedTask;
    private Pipe? _toServer;

    private KciDevMcp()
    {
    }

    public McpClient Client { get; private set; } = null!;

    /// <summary>The server's log lines (warnings and up: each failed tool call).</summary>
    public StringWriter Log { get; } = new();

    public static async Task<KciDevMcp> StartAsync(Uri dashboardApi, Func<HttpMessageHandler> handler, Uri? api = null, Uri? pipeline = null,
        string? token = null, bool http = false, TimeProvider? time = null)
    {
        var mcp = new KciDevMcp();
        var settings = new McpSettings(dashboardApi, api, pipeline, token);
        var services = new McpServices((uri, timeout) => Http(handler, uri, timeout), time ?? TimeProvider.System, TextWriter.Synchronized(mcp.Log),
            LogLevel.Warning);
        IClientTransport transport;
        if (http)
        {
            var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            mcp._server = Task.Run(() => McpHosting.RunHttpAsync("127.0.0.1", 0, settings, services, uri =>
            {
                address.SetResult(uri);
                return Task.CompletedTask;
            }, mcp._stop.Token));
            var endpoint = await address.Task.WaitAsync(mcp._server.IsCompleted ? TimeSpan.Zero : TimeSpan.FromSeconds(30));
            transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp });
        }
        else
        {
            mcp._toServer = new Pipe();
            var fromServer = new Pipe();
            mcp._server = Task.Run(() => McpHosting.RunStdioAsync(mcp._toServer.Reader.AsStream(), fromServer.Writer.AsStream(), settings, services,
                mcp._stop.Token));
            transport = new StreamClientTransport(mcp._toServer.Writer.AsStream(), fromServer.Reader.AsStream());
        }

        mcp.Client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        return mcp;
    }

    public async Task<IReadOnlyList<string>> ToolNamesAsync() =>
        [.. (await Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.Name)];

    public Task<CallToolResult> CallAsync(string tool, object? arguments = null) =>
        Client.CallToolAsync(tool, arguments is null ? null : JsonSerializer.SerializeToElement(arguments).Deserialize<Dictionary<string, object?>>(),
            cancellationToken: TestContext.Current.CancellationToken).AsTask();

    /// <summary>Calls a tool that must succeed and returns its JSON answer.</summary>
    public async Task<JsonNode?> CallJsonAsync(string tool, object? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        return result.IsError == true
            ? throw new InvalidOperationException($"{tool} failed: {Text(result)}")
            : JsonNode.Parse(Text(result));
    }

    /// <summary>Calls a tool that must fail and returns its error message.</summary>
    public async Task<string> CallErrorAsync(string tool, object? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        return result.IsError == true ? Text(result) : throw new InvalidOperationException($"{tool} did not fail: {Text(result)}");
    }

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        // stdio: the client closing its end is what ends the server, as when an agent exits; HTTP has no such end.
        if (_toServer is null)
        {
            await _stop.CancelAsync();
        }
        else
        {
            await _toServer.Writer.CompleteAsync();
        }

        try
        {
            await _server.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static HttpClient Http(Func<HttpMessageHandler> handler, Uri baseAddress, TimeSpan timeout)
    {
        var http = new HttpClient(handler(), disposeHandler: true) { BaseAddress = baseAddress, Timeout = timeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(KciDevVersion.UserAgent);
        return http;
    }
}
