using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.SendKcidb;

internal static partial class SendKcidbLog
{
    [LoggerMessage(EventId = 2800, Level = LogLevel.Warning, Message = "send-kcidb: log {Url} not available: {Reason}")]
    public static partial void LogMissing(ILogger logger, string url, string reason);

    [LoggerMessage(EventId = 2801, Level = LogLevel.Information, Message = "send-kcidb: sent {Checkouts} checkouts, {Builds} builds, {Tests} tests, {Issues} issues; marked {Marked} nodes")]
    public static partial void Sent(ILogger logger, int checkouts, int builds, int tests, int issues, int marked);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Error, Message = "send-kcidb: node {NodeId} could not be mapped and stays unsent")]
    public static partial void MapFailed(ILogger logger, string? nodeId, Exception exception);

    [LoggerMessage(EventId = 2803, Level = LogLevel.Error, Message = "send-kcidb: KCIDB refused node {NodeId}, which stays unsent: {Reason}")]
    public static partial void Refused(ILogger logger, string? nodeId, string reason);

    [LoggerMessage(EventId = 2804, Level = LogLevel.Error, Message = "send-kcidb: sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
