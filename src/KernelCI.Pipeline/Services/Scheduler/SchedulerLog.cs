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

    [LoggerMessage(EventId = 8540, Level = LogLevel.Information,
        Message = "scheduler: {Count} job nodes of runtime {Runtime} were created but not submitted before the last stop; queued again")]
    public static partial void Recovered(ILogger logger, int count, string runtime);

    [LoggerMessage(EventId = 8541, Level = LogLevel.Error, Message = "scheduler: could not list the unsubmitted jobs of runtime {Runtime}: {Error}")]
    public static partial void RecoveryFailed(ILogger logger, string runtime, string error);

    [LoggerMessage(EventId = 8542, Level = LogLevel.Warning,
        Message = "scheduler: the submission queue of runtime {Runtime} is full ({Capacity} jobs); the event waits for room")]
    public static partial void QueueFull(ILogger logger, string runtime, int capacity);

    [LoggerMessage(EventId = 8543, Level = LogLevel.Error, Message = "scheduler: node {NodeId} on runtime {Runtime} was neither submitted nor marked failed")]
    public static partial void SubmissionFailed(ILogger logger, string? nodeId, string runtime, Exception exception);

    [LoggerMessage(EventId = 8544, Level = LogLevel.Information,
        Message = "scheduler: stopped with {Count} jobs still queued; their nodes are submitted at the next start")]
    public static partial void LeftQueued(ILogger logger, int count);
}
