namespace KernelCI.Notifications.Outbox;

/// <summary>A pending mail whose time has come, as the sender claimed it: this sender's until <paramref name="ClaimedUntil"/>.</summary>
internal sealed record DueMail(long Id, string Kind, string Recipient, string MessageId, string Message, int Attempts, DateTimeOffset ClaimedUntil);
