using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.KnownIssues;

internal static partial class KnownIssueLog
{
    [LoggerMessage(EventId = 8580, Level = LogLevel.Information, Message = "Result triage read {Results} failed results: {Issues} issues, {Incidents} incidents submitted as {Submission}")]
    public static partial void Submitted(ILogger logger, int results, int issues, int incidents, string submission);

    [LoggerMessage(EventId = 8581, Level = LogLevel.Information, Message = "Result triage could not read the log of {Result} ({Url}): {Reason}")]
    public static partial void LogUnavailable(ILogger logger, string result, string url, string reason);

    [LoggerMessage(EventId = 8582, Level = LogLevel.Warning, Message = "Result triage failed, it resumes at the next ingested batch: {Reason}")]
    public static partial void Failed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8583, Level = LogLevel.Information, Message = "Known issue {IssueId} version {Version} applied to the failed tests of the last {Days} days: {Incidents} incidents")]
    public static partial void Backfilled(ILogger logger, string issueId, int version, int days, int incidents);

    [LoggerMessage(EventId = 8584, Level = LogLevel.Information, Message = "Known issue {IssueId} is now version {Version} (by {By})")]
    public static partial void Saved(ILogger logger, string issueId, int version, string by);

    [LoggerMessage(EventId = 8585, Level = LogLevel.Information, Message = "Known issue {IssueId}'s matcher was deleted (by {By}); the issue stays")]
    public static partial void Deleted(ILogger logger, string issueId, string by);

    [LoggerMessage(EventId = 8586, Level = LogLevel.Information, Message = "Regression {RegressionId} marked {State} (by {By})")]
    public static partial void Marked(ILogger logger, string regressionId, string state, string by);
}
