using System.CommandLine;
using KernelCI.KciDev.Cli;
using Microsoft.Extensions.Logging;

namespace KernelCI.KciDev.Mcp;

/// <summary>`kci-dev mcp`: an MCP (Model Context Protocol) server for AI agents, on stdio or streamable HTTP, with
/// upstream's options and defaults (kernelci/kci-dev:kcidev/subcommands/mcp.py; kci-dev.md §2.3). No config file is
/// needed: then only the dashboard tools are listed.</summary>
internal static class McpCommand
{
    public static Command Create(CliContext context)
    {
        var transport = new Option<string>("--transport")
        {
            Description = "stdio (for a local agent) or http (a streamable HTTP server)",
            DefaultValueFactory = _ => "stdio",
        };
        var host = new Option<string>("--host") { Description = "Address to listen on (http)", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to listen on (http)", DefaultValueFactory = _ => 8000 };
        var command = new Command("mcp", "Run an MCP server that gives AI agents KernelCI's results (and, with a token, job retries and checkouts)")
        {
            transport, host, port,
        };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            if (session.Value(transport) is not ("stdio" or "http"))
            {
                throw new CliException($"--transport {session.Value(transport)}: must be stdio or http");
            }

            if (session.Value(port) is < 0 or > 65535)
            {
                throw new CliException($"--port {session.Value(port)}: must be between 0 and 65535");
            }

            if (string.IsNullOrWhiteSpace(session.Value(host)))
            {
                throw new CliException("--host: must not be empty");
            }

            var settings = McpSettings.From(session);
            if (session.Value(transport) == "http" && settings.HasPipeline && !IsLoopback(session.Value(host)!))
            {
                // The HTTP transport has no authentication of its own: on another address anyone who can reach it could
                // start checkouts with this instance's token.
                throw new CliException($"--host {session.Value(host)}: the write tools (this instance has `pipeline` and `token`) are served on a loopback address only; use --host 127.0.0.1 or an instance without a token");
            }

            var services = new McpServices(session.CreateHttpClient, context.Time, session.Console.Error,
                session.Value(GlobalOptions.Debug) ? LogLevel.Information : LogLevel.Warning);
            if (session.Value(transport) == "http")
            {
                await McpHosting.RunHttpAsync(session.Value(host)!, session.Value(port), settings, services,
                    address => session.Console.Error.WriteLineAsync($"kci-dev: MCP server listening on {address}"), cancellationToken);
            }
            else
            {
                await using var input = Console.OpenStandardInput();
                await using var output = Console.OpenStandardOutput();
                await McpHosting.RunStdioAsync(input, output, settings, services, cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
}
