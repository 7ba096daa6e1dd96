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
    [property: JsonPropertyName("delivery")] string? Delivery);
