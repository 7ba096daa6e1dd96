using System.Text.Json.Serialization;

namespace KernelCI.Notifications.Outbox;

/// <summary>One mail of the outbox as `GET /api/notifications/outbox` lists it (the message text left out).</summary>
internal sealed record OutboxEntry(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("recipient")] string Recipient,
    [property: JsonPropertyName("tree")] string Tree,
    [property: JsonPropertyName("regression_id")] string? RegressionId,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("due_at")] DateTimeOffset DueAt,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("sent_at")] DateTimeOffset? SentAt,
    [property: JsonPropertyName("last_error")] string? LastError);
