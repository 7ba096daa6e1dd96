using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Shell;

internal static partial class KbuildLog
{
    [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "kbuild {NodeId} ({Job}) started in {Directory}")]
    public static partial void Started(ILogger logger, string nodeId, string job, string directory);

    [LoggerMessage(EventId = 2121, Level = LogLevel.Information, Message = "kbuild {NodeId} finished: {Result} (rc {ExitCode})")]
    public static partial void Finished(ILogger logger, string nodeId, string result, int? exitCode);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Warning, Message = "kbuild {NodeId} incomplete: {ErrorCode}: {Message}")]
    public static partial void Incomplete(ILogger logger, string nodeId, string errorCode, string message);

    [LoggerMessage(EventId = 2123, Level = LogLevel.Warning, Message = "kbuild {NodeId}: {What} failed")]
    public static partial void Failed(ILogger logger, string nodeId, string what, Exception exception);

    [LoggerMessage(EventId = 2124, Level = LogLevel.Information, Message = "kbuild {NodeId}: its configuration's build tree is busy, building in a fresh folder")]
    public static partial void TreeBusy(ILogger logger, string nodeId);

    [LoggerMessage(EventId = 2125, Level = LogLevel.Warning, Message = "kbuild {NodeId}: the incremental build in {Tree} failed, building again in a fresh folder")]
    public static partial void RetryingClean(ILogger logger, string nodeId, string tree);

    [LoggerMessage(EventId = 2126, Level = LogLevel.Warning, Message = "kbuild {NodeId}: a fresh build passed where the tree {Tree} failed; the tree is emptied")]
    public static partial void TreeReset(ILogger logger, string nodeId, string tree);
}
