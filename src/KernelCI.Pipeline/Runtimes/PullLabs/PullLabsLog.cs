using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The pull-lab runtime's and API's log (EventIds 8100–8199, and 8560–8579 for leases and lab health).</summary>
internal static partial class PullLabsLog
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "pull lab {Lab}: job of node {NodeId} waits for the lab ({Url})")]
    public static partial void Queued(ILogger logger, string lab, string nodeId, string url);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "pull lab {Lab}: worker {Worker} claimed the job of node {NodeId}")]
    public static partial void Claimed(ILogger logger, string lab, string worker, string nodeId);

    [LoggerMessage(EventId = 8110, Level = LogLevel.Information, Message = "pull worker {Lab}: claimed node {NodeId}")]
    public static partial void WorkerClaimed(ILogger logger, string lab, string nodeId);

    [LoggerMessage(EventId = 8111, Level = LogLevel.Information, Message = "pull worker {Lab}: node {NodeId} ran: {Result} {ErrorCode}")]
    public static partial void WorkerFinished(ILogger logger, string lab, string nodeId, string result, string? errorCode);

    [LoggerMessage(EventId = 8560, Level = LogLevel.Information,
        Message = "pull lab {Lab}: worker {Worker} holds the job of node {NodeId} until {LeaseUntil:o} (claim {Claims} of {MaxClaims})")]
    public static partial void Leased(ILogger logger, string lab, string worker, string nodeId, DateTimeOffset leaseUntil, int claims, int maxClaims);

    [LoggerMessage(EventId = 8561, Level = LogLevel.Warning,
        Message = "pull lab {Lab}: the lease of worker {Worker} on node {NodeId} ran out with no result; the job can be claimed again ({Claims} of {MaxClaims} claims used)")]
    public static partial void LeaseExpired(ILogger logger, string lab, string worker, string nodeId, int claims, int maxClaims);

    [LoggerMessage(EventId = 8562, Level = LogLevel.Warning,
        Message = "pull lab {Lab}: node {NodeId} finished incomplete/Infrastructure: no result in {Claims} leases (the last held by {Worker})")]
    public static partial void Abandoned(ILogger logger, string lab, string nodeId, int claims, string worker);

    [LoggerMessage(EventId = 8563, Level = LogLevel.Error, Message = "pull lab: checking the lease of node {NodeId} failed: {Reason}")]
    public static partial void LeaseCheckFailed(ILogger logger, string nodeId, string reason);

    [LoggerMessage(EventId = 8564, Level = LogLevel.Information, Message = "pull lab {Lab}: the result of node {NodeId} ended the claim of worker {Worker}")]
    public static partial void Reported(ILogger logger, string lab, string nodeId, string worker);

    [LoggerMessage(EventId = 8565, Level = LogLevel.Information, Message = "pull worker {Lab}: node {NodeId}: {Step}")]
    public static partial void WorkerProgress(ILogger logger, string lab, string nodeId, string step);

    [LoggerMessage(EventId = 8566, Level = LogLevel.Warning, Message = "pull worker {Lab}: renewing the lease of node {NodeId} failed: {Reason}")]
    public static partial void WorkerRenewFailed(ILogger logger, string lab, string nodeId, string reason);
}
