using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Subscriptions;

/// <summary>A subscription on one line: id, address, what it follows (in the order the mails' footer says it,
/// src/KernelCI.Notifications/Subscriptions/Subscription.cs), delivery and state. Plain text: addresses and patterns
/// hold `[` and `*`, which markup would take.</summary>
internal static class SubscriptionText
{
    public static string Line(JsonObject subscription)
    {
        var parts = new List<string>();
        if (Str(subscription, "tree") is { } tree)
        {
            parts.Add(Str(subscription, "branch") is { } branch ? $"{tree}/{branch}" : $"tree {tree}");
        }

        foreach (var (key, label) in new[] { ("path", "tests"), ("platform", "platform"), ("origin", "origin"), ("files", "files") })
        {
            if (Str(subscription, key) is { } value)
            {
                parts.Add($"{label} {value}");
            }
        }

        return $"{Str(subscription, "id")} {Str(subscription, "address")}: {string.Join(", ", parts)} ({Str(subscription, "delivery")}, {Str(subscription, "state")})";
    }

    public static string? Str(JsonObject node, string key) => node[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
