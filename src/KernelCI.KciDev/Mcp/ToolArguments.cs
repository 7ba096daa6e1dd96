using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Mcp;

/// <summary>Checks a call's arguments against the tool's input schema before the tool runs, so an agent's mistake is
/// named by argument ("limit: expected integer, got string") rather than surfacing as a JSON conversion error.</summary>
internal static class ToolArguments
{
    public static void Check(string tool, JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var property))
            {
                throw new ToolArgumentException(name, $"{tool} has no such argument");
            }

            if (!Accepts(property, value))
            {
                throw new ToolArgumentException(name, $"expected {Describe(property)}, got {Kind(value)}");
            }
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (arguments is null || !arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    throw new ToolArgumentException(name, "required");
                }
            }
        }
    }

    private static bool Accepts(JsonElement property, JsonElement value) => Types(property).Any(type => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "array" => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item =>
            !property.TryGetProperty("items", out var items) || Accepts(items, item)),
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    });

    /// <summary>The schema's `type`, a name or a list of names; none means anything goes.</summary>
    private static IEnumerable<string> Types(JsonElement property) =>
        !property.TryGetProperty("type", out var type) ? ["any"]
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!)
        : [type.GetString()!];

    private static string Describe(JsonElement property)
    {
        var types = Types(property).Where(t => t != "null").ToList();
        var text = string.Join(" or ", types);
        return types.Contains("array") && property.TryGetProperty("items", out var items) ? $"{text} of {Describe(items)}" : text;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array " + JsonNode.Parse(value.GetRawText())!.ToJsonString(),
        JsonValueKind.Object => "object",
        _ => "null",
    };
}
