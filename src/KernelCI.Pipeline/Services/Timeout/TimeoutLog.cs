using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Timeout;

internal static partial class TimeoutLog
{
    [LoggerMessage(EventId = 2500, Level = LogLevel.Information, Message = "{Mode}: node {NodeId} → {State}")]
    public static partial void Moved(ILogger logger, string mode, string nodeId, string state);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "{Mode}: sweep failed")]
    public static partial void SweepFailed(ILogger logger, string mode, Exception exception);
}
