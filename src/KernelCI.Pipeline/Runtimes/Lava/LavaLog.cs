using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Lava;

internal static partial class LavaLog
{
    [LoggerMessage(EventId = 7800, Level = LogLevel.Information, Message = "lava {Lab}: node {NodeId} submitted as LAVA job {JobId}")]
    public static partial void Submitted(ILogger logger, string lab, string? nodeId, long jobId);

    [LoggerMessage(EventId = 7801, Level = LogLevel.Warning, Message = "lava {Lab}: submitting node {NodeId} failed, attempt {Attempt}: {Error}")]
    public static partial void SubmitFailed(ILogger logger, string lab, string? nodeId, int attempt, string error);

    [LoggerMessage(EventId = 7802, Level = LogLevel.Information, Message = "lava {Lab}: skipping {Job} on {DeviceType}: {Reason}")]
    public static partial void QueueFull(ILogger logger, string lab, string job, string deviceType, string reason);

    [LoggerMessage(EventId = 7803, Level = LogLevel.Warning, Message = "lava {Lab}: queue check for {DeviceType} failed, submitting anyway: {Error}")]
    public static partial void QueueCheckFailed(ILogger logger, string lab, string deviceType, string error);

    [LoggerMessage(EventId = 7804, Level = LogLevel.Information, Message = "lava {Lab}: LAVA job {JobId} of timed-out node {NodeId} canceled")]
    public static partial void Canceled(ILogger logger, string lab, string jobId, string? nodeId);

    [LoggerMessage(EventId = 7805, Level = LogLevel.Warning, Message = "lava {Lab}: canceling LAVA job {JobId} of node {NodeId} failed: {Error}")]
    public static partial void CancelFailed(ILogger logger, string lab, string jobId, string? nodeId, string error);

    [LoggerMessage(EventId = 7807, Level = LogLevel.Information, Message = "lava {Lab}: node {NodeId}, resumed after a stop, is LAVA job {JobId}, accepted before the stop; not submitted again")]
    public static partial void Adopted(ILogger logger, string lab, string? nodeId, long jobId);

    [LoggerMessage(EventId = 7808, Level = LogLevel.Warning, Message = "lava {Lab}: could not ask whether node {NodeId}, resumed after a stop, was accepted before it; submitting: {Error}")]
    public static partial void LookupFailed(ILogger logger, string lab, string? nodeId, string error);

    [LoggerMessage(EventId = 7806, Level = LogLevel.Warning, Message = "lava {Lab}: unreachable after every attempt, its jobs end with submit_error for the next {Seconds} s: {Error}")]
    public static partial void Unreachable(ILogger logger, string lab, double seconds, string error);
}
