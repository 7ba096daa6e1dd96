using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications;

/// <summary>The component's log lines; EventIds 8660-8699 (8750-8769: several senders, the unconfirmed cap).</summary>
internal static partial class NotificationsLog
{
    [LoggerMessage(EventId = 8660, Level = LogLevel.Information, Message = "notifications: mails are sent through SMTP to {Server}")]
    public static partial void SendingThroughSmtp(ILogger logger, string server);

    [LoggerMessage(EventId = 8661, Level = LogLevel.Information, Message = "notifications: no SMTP host (Notifications:Smtp:Host); mails are written to {Directory}")]
    public static partial void DryRun(ILogger logger, string directory);

    [LoggerMessage(EventId = 8662, Level = LogLevel.Information, Message = "notifications: mail {Id} ({Kind}) to {Recipient} sent as {MessageId}")]
    public static partial void Sent(ILogger logger, long id, string kind, string recipient, string messageId);

    [LoggerMessage(EventId = 8663, Level = LogLevel.Warning, Message = "notifications: mail {Id} to {Recipient}: temporary failure, attempt {Attempt}, next at {Due}: {Reason}")]
    public static partial void Deferred(ILogger logger, long id, string recipient, int attempt, DateTimeOffset due, string reason);

    [LoggerMessage(EventId = 8664, Level = LogLevel.Error, Message = "notifications: mail {Id} to {Recipient} failed: {Reason}")]
    public static partial void Failed(ILogger logger, long id, string recipient, string reason);

    [LoggerMessage(EventId = 8665, Level = LogLevel.Information, Message = "notifications: regression change {Seq} of {RegressionId}: {Count} mails queued")]
    public static partial void Queued(ILogger logger, long seq, string regressionId, int count);

    [LoggerMessage(EventId = 8666, Level = LogLevel.Warning, Message = "notifications: reading the regression feed failed, again in {Wait}: {Reason}")]
    public static partial void FeedFailed(ILogger logger, TimeSpan wait, string reason);

    [LoggerMessage(EventId = 8667, Level = LogLevel.Warning, Message = "notifications: the sender's round failed: {Reason}")]
    public static partial void SenderFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8668, Level = LogLevel.Warning, Message = "notifications: details of result {ResultId} could not be read, the report goes without them: {Reason}")]
    public static partial void DetailsMissing(ILogger logger, string resultId, string reason);

    [LoggerMessage(EventId = 8669, Level = LogLevel.Information, Message = "notifications: subscription {Id} for {Address} ({State})")]
    public static partial void Subscribed(ILogger logger, string id, string address, string state);

    [LoggerMessage(EventId = 8730, Level = LogLevel.Warning, Message = "notifications: writing the daily digests failed: {Reason}")]
    public static partial void DigestFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8731, Level = LogLevel.Information, Message = "notifications: {Count} daily digests written")]
    public static partial void DigestsWritten(ILogger logger, int count);

    [LoggerMessage(EventId = 8732, Level = LogLevel.Information, Message = "notifications: checkout {CheckoutId} of {Tree}/{Branch} is done; its summary is due at {Due}")]
    public static partial void CheckoutDone(ILogger logger, string checkoutId, string tree, string branch, DateTimeOffset due);

    [LoggerMessage(EventId = 8733, Level = LogLevel.Warning, Message = "notifications: reading Maestro's checkout events failed, again in {Wait}: {Reason}")]
    public static partial void CheckoutFeedFailed(ILogger logger, TimeSpan wait, string reason);

    [LoggerMessage(EventId = 8734, Level = LogLevel.Information, Message = "notifications: checkout {CheckoutId} summarized: {Count} mails")]
    public static partial void CheckoutSummarized(ILogger logger, string checkoutId, int count);

    [LoggerMessage(EventId = 8735, Level = LogLevel.Warning, Message = "notifications: writing checkout summaries failed: {Reason}")]
    public static partial void CheckoutSummariesFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8736, Level = LogLevel.Warning, Message = "notifications: the result counts of checkout {CheckoutId} could not be read, the summary goes without them: {Reason}")]
    public static partial void CountsMissing(ILogger logger, string checkoutId, string reason);

    [LoggerMessage(EventId = 8737, Level = LogLevel.Information, Message = "notifications: build issue {IssueId} is new on {Tree}: {Count} mails")]
    public static partial void BuildIssueReported(ILogger logger, string issueId, string tree, int count);

    [LoggerMessage(EventId = 8738, Level = LogLevel.Warning, Message = "notifications: reading KCIDB's issues failed: {Reason}")]
    public static partial void BuildIssuesFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8739, Level = LogLevel.Warning, Message = "notifications: writing the weekly reports failed: {Reason}")]
    public static partial void WeeklyFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8740, Level = LogLevel.Information, Message = "notifications: weekly reports of the week ending {Week}: {Count} mails")]
    public static partial void WeeklyWritten(ILogger logger, string week, int count);
    [LoggerMessage(EventId = 8750, Level = LogLevel.Warning, Message = "notifications: the sender's claim ran out with {Count} mails of its round unsent; they go in a next round")]
    public static partial void ClaimExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 8751, Level = LogLevel.Warning, Message = "notifications: subscription of {Address} refused: {Reason}")]
    public static partial void CapReached(ILogger logger, string address, string reason);

    [LoggerMessage(EventId = 8752, Level = LogLevel.Warning, Message = "notifications: subscription file {File}: {Reason}")]
    public static partial void SubscriptionFileSkipped(ILogger logger, string file, string reason);
}
