using KernelCI.Maestro.Nodes;

namespace KernelCI.Maestro.Events;

/// <summary>Bounds on what clients give the event log: channels (subscribe, publish), durable subscriber ids and
/// published events, which are stored and handed to every listener.</summary>
internal static class EventInput
{
    public const int MaxName = 256;

    public static string Channel(string channel) => Name(channel, "channel");

    public static string? SubscriberId(string? subscriberId) => subscriberId is null ? null : Name(subscriberId, "subscriber_id");

    /// <summary>Above any whole node within NodeLimits, which the job-retry service publishes as its event's data.</summary>
    public const int MaxDataBytes = 8 * 1024 * 1024;

    /// <summary>A published event's `data` and its optional string `type` and `source`.</summary>
    public static void Publication(System.Text.Json.Nodes.JsonObject body)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(body["data"]!.ToJsonString()) > MaxDataBytes)
        {
            throw MaestroException.BadRequest($"data: larger than {MaxDataBytes} bytes as JSON");
        }

        foreach (var field in (string[])["type", "source"])
        {
            if (body[field] is { } value && (value.GetValueKind() != System.Text.Json.JsonValueKind.String || value.GetValue<string>().Length > MaxName))
            {
                throw MaestroException.BadRequest($"{field}: must be a string of at most {MaxName} characters");
            }
        }
    }

    private static string Name(string value, string field) =>
        value.Length is 0 or > MaxName || value.Any(char.IsControl)
            ? throw MaestroException.BadRequest($"{field}: must be 1 to {MaxName} characters, without control characters")
            : value;
}
