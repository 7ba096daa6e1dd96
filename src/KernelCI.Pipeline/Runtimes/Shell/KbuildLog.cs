using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Shell;

internal static partial class KbuildLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "kbuild {NodeId} ({Job}) started in {Directory}")]
    public static partial void Started(ILogger logger, string nodeId, string job, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "kbuild {NodeId} finished: {Result} (rc {ExitCode})")]
    public static partial void Finished(ILogger logger, string nodeId, string result, int? exitCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kbuild {NodeId} incomplete: {ErrorCode}: {Message}")]
    public static partial void Incomplete(ILogger logger, string nodeId, string errorCode, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kbuild {NodeId}: {What} failed")]
    public static partial void Failed(ILogger logger, string nodeId, string what, Exception exception);
}
