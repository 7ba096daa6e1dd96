using System.Text.Json.Nodes;

namespace KernelCI.Client.Maestro;

/// <summary>A delivered event: the CloudEvent's data (for node events: op, id, kind, name, state, result, …) and its
/// sequence number in the server's log.</summary>
public sealed record MaestroEvent(long? Sequence, string Channel, string? Owner, JsonNode? Data, string CloudEvent)
{
    public string? Op => (Data as JsonObject)?["op"]?.ToString();

    public string? NodeId => (Data as JsonObject)?["id"]?.ToString();

    public static MaestroEvent Parse(string channel, string cloudEvent)
    {
        var envelope = JsonNode.Parse(cloudEvent)!.AsObject();
        var sequence = envelope["_sequence_id"] is JsonValue seq && seq.TryGetValue<long>(out var n) ? n : (long?)null;
        return new MaestroEvent(sequence, channel, envelope["owner"]?.ToString(), envelope["data"], cloudEvent);
    }
}
