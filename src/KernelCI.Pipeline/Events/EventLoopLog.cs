using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Events;

internal static partial class EventLoopLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "{Service}: event for node {NodeId} failed and was skipped")]
    public static partial void HandlerFailed(ILogger logger, string service, string? nodeId, Exception exception);
}
