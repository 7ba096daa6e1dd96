namespace KernelCI.Notifications.Digests;

/// <summary>A report owed to an address whose matching subscriptions are all `daily`: kept until the digest hour, then
/// merged with the address's others into one mail. <paramref name="Body"/> is the report's text without its footer.</summary>
internal sealed record DigestItem(string Recipient, string MessageId, string Kind, string Tree, string Subject, string Body,
    string? UnsubscribeUrl, string ManageUrl, DateTimeOffset DueAt);
