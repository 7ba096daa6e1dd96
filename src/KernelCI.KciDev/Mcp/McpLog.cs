using Microsoft.Extensions.Logging;

namespace KernelCI.KciDev.Mcp;

/// <summary>kci-dev mcp's log lines (EventIds 7500-7599), written to standard error: on stdio, standard output is the
/// protocol.</summary>
internal static partial class McpLog
{
    [LoggerMessage(EventId = 7500, Level = LogLevel.Information, Message = "MCP server on {Transport}: dashboard {Dashboard}, Maestro tools {Maestro}, pipeline tools {Pipeline}")]
    public static partial void Starting(ILogger logger, string transport, Uri dashboard, bool maestro, bool pipeline);

    [LoggerMessage(EventId = 7501, Level = LogLevel.Warning, Message = "Tool {Tool} failed: {Reason}")]
    public static partial void ToolFailed(ILogger logger, string tool, string reason);

    [LoggerMessage(EventId = 7502, Level = LogLevel.Information, Message = "Tool {Tool} called")]
    public static partial void ToolCalled(ILogger logger, string tool);

    [LoggerMessage(EventId = 7503, Level = LogLevel.Error, Message = "Tool {Tool} failed unexpectedly")]
    public static partial void ToolCrashed(ILogger logger, Exception exception, string tool);
}
