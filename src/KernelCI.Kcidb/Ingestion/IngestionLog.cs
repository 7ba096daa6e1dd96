using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.Ingestion;

internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Ingestion deferred, the spool keeps the batch: {Reason}")]
    public static partial void BatchDeferred(ILogger logger, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Submission {Id} failed: {Reasons}")]
    public static partial void SubmissionFailed(ILogger logger, string id, string reasons);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Ingested {Submissions} submissions, {Objects} objects")]
    public static partial void BatchIngested(ILogger logger, int submissions, long objects);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Spool file of submission {Id} could not be read, left for a later batch: {Reason}")]
    public static partial void SubmissionUnreadable(ILogger logger, string id, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Submission {Id} was ingested before a restart; archiving it")]
    public static partial void AlreadyIngested(ILogger logger, string id);
}
