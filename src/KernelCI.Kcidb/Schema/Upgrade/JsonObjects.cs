using System.Text.Json.Nodes;

namespace KernelCI.Kcidb.Schema.Upgrade;

internal static class JsonObjects
{
    /// <summary>The objects of a top-level list, or none if the list is absent.</summary>
    public static IEnumerable<JsonObject> Objects(JsonObject data, string list) =>
        data[list] is JsonArray array ? array.OfType<JsonObject>() : [];

    public static void Rename(JsonObject obj, string from, string to)
    {
        if (obj.Remove(from, out var value))
        {
            obj[to] = value;
        }
    }

    public static JsonArray List(JsonObject data, string list)
    {
        if (data[list] is not JsonArray array)
        {
            array = [];
            data[list] = array;
        }

        return array;
    }
}
