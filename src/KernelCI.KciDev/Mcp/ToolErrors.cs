using System.Text.Json;
using KernelCI.Client.Dashboard;
using KernelCI.Client.Maestro;
using KernelCI.Client.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KernelCI.KciDev.Mcp;

/// <summary>The one error mapping of the MCP server, as <c>Cli/CliAction</c> is the CLI's: a failing tool call becomes
/// an MCP tool error (`isError: true`) with one clear line, never a protocol error or a crash of the server. Upstream
/// does the same with its `tool_errors` decorator (kernelci/kci-dev:kcidev/mcp/errors.py).</summary>
internal static class ToolErrors
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var tool = context.Params?.Name ?? "?";
            var logger = context.Services?.GetService<ILoggerFactory>()?.CreateLogger("KernelCI.KciDev.Mcp") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            try
            {
                if (context.MatchedPrimitive is McpServerTool matched)
                {
                    ToolArguments.Check(tool, matched.ProtocolTool.InputSchema, context.Params?.Arguments);
                }

                McpLog.ToolCalled(logger, tool);
                return await next(context, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var message = Describe(e);
                if (message is null)
                {
                    McpLog.ToolCrashed(logger, e, tool);
                    message = $"{tool} failed: {e.Message}";
                }
                else
                {
                    McpLog.ToolFailed(logger, tool, message);
                }

                return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = message }] };
            }
        };

    public static string? Describe(Exception e) => e switch
    {
        ToolArgumentException argument => argument.Message,
        DashboardApiException dashboard => "dashboard: " + dashboard.Message,
        MaestroClientException maestro => "Maestro API: " + maestro.Message,
        PipelineClientException pipeline => "pipeline: " + pipeline.Message,
        HttpRequestException http => http.StatusCode is { } status
            ? $"HTTP {(int)status}: {http.Message}"
            : "cannot reach the server: " + (http.InnerException?.Message ?? http.Message),
        TaskCanceledException or TimeoutException => "the server did not answer in time",
        JsonException json => "the server's answer is not the JSON expected: " + json.Message.Split('\n')[0],
        // The SDK's binding of arguments to parameters (a value it cannot convert) names the parameter.
        ArgumentException argument => argument.Message,
        _ => null,
    };
}
