using System.Runtime.InteropServices;
using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>Reads an object's fields in one forward pass.</summary>
internal static class JsonFields
{
    /// <summary>
    /// The values of two fields (the last of each name, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
    /// returns them), <c>default</c> (<see cref="JsonValueKind.Undefined"/>) when absent. A lookup by name searches from
    /// the object's end and is several times slower per object than one pass here for both names.
    /// </summary>
    public static void Get(
        JsonElement item, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, out JsonElement firstValue, out JsonElement secondValue)
    {
        firstValue = default;
        secondValue = default;
        foreach (var property in item.EnumerateObject())
        {
            // Most names are told apart by their length alone; an escaped name is longer as written than decoded.
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            if (Is(property, raw, first))
            {
                firstValue = property.Value;
            }
            else if (Is(property, raw, second))
            {
                secondValue = property.Value;
            }
        }
    }

    private static bool Is(JsonProperty property, ReadOnlySpan<byte> raw, ReadOnlySpan<byte> name) =>
        raw.Length == name.Length ? raw.SequenceEqual(name) : raw.Length > name.Length && raw.IndexOf((byte)'\\') >= 0 && property.NameEquals(name);
}
