using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Qemu;

internal static partial class QemuLog
{
    [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "qemu job {NodeId} ({Job}) booting on {Platform}: {Command}")]
    public static partial void Booting(ILogger logger, string nodeId, string job, string platform, string command);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Information, Message = "qemu job {NodeId} finished: {Result} {ErrorCode}")]
    public static partial void Finished(ILogger logger, string nodeId, string result, string? errorCode);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Warning, Message = "qemu job {NodeId}: {What} failed")]
    public static partial void Failed(ILogger logger, string nodeId, string what, Exception exception);
}
