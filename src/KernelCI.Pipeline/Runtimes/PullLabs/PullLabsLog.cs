using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The pull-lab runtime's and API's log (EventIds 8100–8199).</summary>
internal static partial class PullLabsLog
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "pull lab {Lab}: job of node {NodeId} waits for the lab ({Url})")]
    public static partial void Queued(ILogger logger, string lab, string nodeId, string url);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "pull lab {Lab}: worker {Worker} claimed the job of node {NodeId}")]
    public static partial void Claimed(ILogger logger, string lab, string worker, string nodeId);

    [LoggerMessage(EventId = 8110, Level = LogLevel.Information, Message = "pull worker {Lab}: claimed node {NodeId}")]
    public static partial void WorkerClaimed(ILogger logger, string lab, string nodeId);

    [LoggerMessage(EventId = 8111, Level = LogLevel.Information, Message = "pull worker {Lab}: node {NodeId} booted: {Result} {ErrorCode}")]
    public static partial void WorkerFinished(ILogger logger, string lab, string nodeId, string result, string? errorCode);
}
