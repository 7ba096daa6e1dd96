using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Events.Log;

/// <summary>Upstream's hand-built CloudEvents 1.0 envelope, carried as a string in /listen replies.</summary>
internal static class CloudEvents
{
    public const string DefaultSource = "https://api.kernelci.org/";
    public const string DefaultType = "api.kernelci.org";

    public static JsonObject Envelope(string? type, string? source, string time, JsonObject? attributes)
    {
        var envelope = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = source ?? DefaultSource,
            ["type"] = type ?? DefaultType,
            ["time"] = time,
        };
        foreach (var (key, value) in attributes ?? [])
        {
            if (!envelope.ContainsKey(key))
            {
                envelope[key] = value?.DeepClone();
            }
        }

        return envelope;
    }

    public static string Render(StoredEvent stored)
    {
        var envelope = JsonNode.Parse(stored.Envelope)!.AsObject();
        if (!envelope.ContainsKey("data"))
        {
            envelope["data"] = JsonNode.Parse(stored.Data);
        }

        envelope["owner"] = stored.Owner;
        envelope["_sequence_id"] = stored.Sequence;
        return envelope.ToJsonString();
    }

    /// <summary>Keep-alive: data "BEEP", no owner, never stored.</summary>
    public static string Beep(string time) => new JsonObject
    {
        ["specversion"] = "1.0",
        ["id"] = Guid.NewGuid().ToString(),
        ["source"] = DefaultSource,
        ["type"] = DefaultType,
        ["time"] = time,
        ["data"] = "BEEP",
    }.ToJsonString();
}
