using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Scheduler;

internal static partial class SchedulerLog
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "scheduler: {Entries} entries on runtimes {Runtimes}")]
    public static partial void Loaded(ILogger logger, int entries, string runtimes);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "scheduler: node {NodeId} of the event no longer exists")]
    public static partial void NodeGone(ILogger logger, string? nodeId);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "scheduler: {Job} on {Platform} ({Runtime}) as node {NodeId}, parent {ParentId}")]
    public static partial void Scheduled(ILogger logger, string job, string platform, string runtime, string? nodeId, string? parentId);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "scheduler: node {NodeId} ({Job}) failed with {ErrorCode}: {Error}")]
    public static partial void JobFailed(ILogger logger, string? nodeId, string job, string errorCode, string error);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Error, Message = "scheduler: Maestro refused {Job} on {Platform} under {ParentId}: {Error}")]
    public static partial void CreateRefused(ILogger logger, string job, string platform, string? parentId, string error);
}
