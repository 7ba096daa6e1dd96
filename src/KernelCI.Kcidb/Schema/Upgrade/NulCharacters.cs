using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Kcidb.Schema.Upgrade;

/// <summary>Finds a string with a NUL character anywhere outside "misc" objects, as v5.0's upgrade forbids.</summary>
internal static class NulCharacters
{
    public static string? Find(JsonNode? node, string consequence) => Find(node, "", consequence);

    private static string? Find(JsonNode? node, string path, string consequence)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var found = name == "misc" ? null : Find(value, path.Length == 0 ? name : path + "." + name, consequence);
                    if (found is not null)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var found = Find(array[i], $"{path}[{i}]", consequence);
                    if (found is not null)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Contains('\0'):
                return $"{path}: contains a NUL character, {consequence}";
            default:
                return null;
        }
    }
}
