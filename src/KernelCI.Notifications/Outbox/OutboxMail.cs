namespace KernelCI.Notifications.Outbox;

/// <summary>A mail to write into the outbox: <paramref name="Message"/> is its whole RFC 5322 text, whose Message-ID is
/// <paramref name="MessageId"/>; <paramref name="Items"/> is a summary's list of what it reports (JSON), else null.</summary>
internal sealed record OutboxMail(string Kind, string Recipient, string Tree, string? RegressionId, string Subject,
    string MessageId, string Message, DateTimeOffset DueAt, string? Items = null);
