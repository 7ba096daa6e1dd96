using System.Text.Json.Serialization;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>The body of `POST /api/subscriptions`.</summary>
internal sealed record SubscriptionRequest(
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("tree")] string? Tree,
    [property: JsonPropertyName("branch")] string? Branch,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("origin")] string? Origin,
    [property: JsonPropertyName("files")] string? Files,
    [property: JsonPropertyName("delivery")] string? Delivery)
{
    /// <summary>Any JSON value, so that a value other than true or false is refused naming the field rather than by the
    /// binder.</summary>
    [JsonPropertyName("always")]
    public System.Text.Json.JsonElement? Always { get; init; }

    public bool AlwaysValue => Always is { ValueKind: System.Text.Json.JsonValueKind.True };
}
