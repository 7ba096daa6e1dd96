using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

internal static partial class LavaCallbackLog
{
    [LoggerMessage(EventId = 7700, Level = LogLevel.Information, Message = "lava callback: stored callback {Id} for node {NodeId} from lab {Lab} (LAVA job {JobId})")]
    public static partial void Stored(ILogger logger, long id, string nodeId, string lab, long? jobId);

    [LoggerMessage(EventId = 7701, Level = LogLevel.Information, Message = "lava callback: node {NodeId} is {Result} ({ErrorCode}), {Children} children written")]
    public static partial void Written(ILogger logger, string nodeId, string result, string? errorCode, int children);

    [LoggerMessage(EventId = 7702, Level = LogLevel.Information, Message = "lava callback: node {NodeId} is already done; callback {Id} changes nothing")]
    public static partial void AlreadyDone(ILogger logger, string nodeId, long id);

    [LoggerMessage(EventId = 7703, Level = LogLevel.Warning, Message = "lava callback: node {NodeId} of callback {Id} no longer exists")]
    public static partial void NodeGone(ILogger logger, string nodeId, long id);

    [LoggerMessage(EventId = 7704, Level = LogLevel.Warning, Message = "lava callback: callback {Id} for node {NodeId} failed (attempt {Attempt}), retried in {Delay}")]
    public static partial void Failed(ILogger logger, long id, string nodeId, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 7705, Level = LogLevel.Error, Message = "lava callback: callback {Id} for node {NodeId} given up after {Attempts} attempts; the row is kept")]
    public static partial void GivenUp(ILogger logger, long id, string nodeId, int attempts, Exception exception);

    [LoggerMessage(EventId = 7706, Level = LogLevel.Warning, Message = "lava callback: refused for node {NodeId}: {Reason}")]
    public static partial void Refused(ILogger logger, string nodeId, string reason);

    [LoggerMessage(EventId = 7707, Level = LogLevel.Warning, Message = "lava callback: lab {Lab} names secret '{Secret}' for its {Key}, which the data folder does not hold")]
    public static partial void MissingSecret(ILogger logger, string lab, string key, string secret);

    [LoggerMessage(EventId = 7708, Level = LogLevel.Warning, Message = "lava callback: the callback store failed; looking again in {Delay}")]
    public static partial void StoreFailed(ILogger logger, TimeSpan delay, Exception exception);
}
