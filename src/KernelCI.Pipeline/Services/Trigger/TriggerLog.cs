using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Trigger;

internal static partial class TriggerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "trigger: {BuildConfig} checkout {NodeId} for {Commit}")]
    public static partial void Created(ILogger logger, string buildConfig, string? nodeId, string commit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "trigger: {BuildConfig} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, string buildConfig, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "trigger: {BuildConfig} failed")]
    public static partial void Failed(ILogger logger, string buildConfig, Exception exception);
}
