using System.Globalization;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Small helpers for the loosely typed node data and the KCIDB objects built from it.</summary>
internal static class Json
{
    public static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string? Str(JsonObject data, string key) => Str(data[key]);

    public static JsonObject Obj(JsonObject data, string key) => data[key] as JsonObject ?? [];

    /// <summary>Sets the key only when the value is present: KCIDB objects carry no nulls (upstream strips them).</summary>
    public static JsonObject Put(this JsonObject target, string key, JsonNode? value)
    {
        if (value is not null && !(value is JsonObject o && o.Count == 0) && !(value is JsonArray a && a.Count == 0))
        {
            target[key] = value;
        }

        return target;
    }

    public static JsonObject PutCopy(this JsonObject target, string key, JsonNode? value) => target.Put(key, value?.DeepClone());

    public static string Time(DateTime? time) =>
        DateTime.SpecifyKind(time ?? DateTime.UnixEpoch, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
