namespace KernelCI.Maestro.Events;

/// <summary>Bounds on the names clients give the event log: channels (subscribe, publish) and durable subscriber
/// ids, which are stored with every subscription and event.</summary>
internal static class EventInput
{
    public const int MaxName = 256;

    public static string Channel(string channel) => Name(channel, "channel");

    public static string? SubscriberId(string? subscriberId) => subscriberId is null ? null : Name(subscriberId, "subscriber_id");

    private static string Name(string value, string field) =>
        value.Length is 0 or > MaxName || value.Any(char.IsControl)
            ? throw MaestroException.BadRequest($"{field}: must be 1 to {MaxName} characters, without control characters")
            : value;
}
