using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Events.Delivery;

/// <summary>Upstream's /listen reply, a Redis-style message whose data is the CloudEvent as a string.</summary>
internal static class ListenReply
{
    public static JsonObject Node(string channel, string data) => new()
    {
        ["type"] = "message",
        ["pattern"] = null,
        ["channel"] = channel,
        ["data"] = data,
    };

    public static string Message(string channel, string data) => Node(channel, data).ToJsonString();
}
