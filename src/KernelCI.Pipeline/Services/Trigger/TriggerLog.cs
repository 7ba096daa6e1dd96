using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Trigger;

internal static partial class TriggerLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "trigger: {BuildConfig} checkout {NodeId} for {Commit}")]
    public static partial void Created(ILogger logger, string buildConfig, string? nodeId, string commit);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "trigger: {BuildConfig} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, string buildConfig, string reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "trigger: {BuildConfig} failed")]
    public static partial void Failed(ILogger logger, string buildConfig, Exception exception);
}
