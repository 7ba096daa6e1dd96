using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Regressions;

internal static partial class RegressionsLog
{
    [LoggerMessage(EventId = 8600, Level = LogLevel.Information, Message = "regressions: node {NodeId} for KCIDB regression {RegressionId} ({State})")]
    public static partial void NodeWritten(ILogger logger, string nodeId, string regressionId, string state);

    [LoggerMessage(EventId = 8601, Level = LogLevel.Warning, Message = "regressions: change {Seq} of {RegressionId} failed and is skipped: {Reason}")]
    public static partial void ChangeFailed(ILogger logger, long seq, string regressionId, string reason);

    [LoggerMessage(EventId = 8602, Level = LogLevel.Information, Message = "bisection {NodeId} of regression {RegressionId}: {Good}..{Bad} on {Tree}")]
    public static partial void BisectionStarted(ILogger logger, string nodeId, string regressionId, string good, string bad, string tree);

    [LoggerMessage(EventId = 8603, Level = LogLevel.Information, Message = "bisection {NodeId}: first bad commit {Commit} ({Subject})")]
    public static partial void BisectionFound(ILogger logger, string nodeId, string commit, string subject);

    [LoggerMessage(EventId = 8604, Level = LogLevel.Warning, Message = "bisection {NodeId} failed: {Reason}")]
    public static partial void BisectionFailed(ILogger logger, string nodeId, string reason);

    [LoggerMessage(EventId = 8605, Level = LogLevel.Information, Message = "bisection {NodeId} cancelled")]
    public static partial void BisectionCancelled(ILogger logger, string nodeId);

    [LoggerMessage(EventId = 8606, Level = LogLevel.Information, Message = "regression {RegressionId} not bisected: {Reason}")]
    public static partial void NotBisected(ILogger logger, string regressionId, string reason);

    [LoggerMessage(EventId = 8607, Level = LogLevel.Information, Message = "bisection {NodeId} resumed after a restart")]
    public static partial void BisectionResumed(ILogger logger, string nodeId);

    [LoggerMessage(EventId = 8608, Level = LogLevel.Warning, Message = "bisection {NodeId}: the culprit could not be reported to KCIDB: {Reason}")]
    public static partial void CulpritNotReported(ILogger logger, string nodeId, string reason);

    [LoggerMessage(EventId = 8830, Level = LogLevel.Warning, Message = "bisection {NodeId}: the files of culprit {Commit} could not be read; it is reported without them: {Reason}")]
    public static partial void CulpritFilesUnread(ILogger logger, string nodeId, string commit, string reason);
}
