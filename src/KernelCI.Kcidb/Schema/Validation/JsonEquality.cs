using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>Equality as jsonschema defines it: 1 equals 1.0, but true is not 1.</summary>
internal static class JsonEquality
{
    public static bool Equal(JsonElement a, JsonElement b)
    {
        var kind = Normalize(a.ValueKind);
        if (kind != Normalize(b.ValueKind))
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.String => a.ValueEquals(b.GetString()),
            JsonValueKind.Number => JsonNumbers.NumbersEqual(a, b),
            JsonValueKind.True => a.ValueKind == b.ValueKind,
            JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => Equal(p.First, p.Second)),
            JsonValueKind.Object => ObjectsEqual(a, b),
            _ => true,
        };
    }

    private static JsonValueKind Normalize(JsonValueKind kind) => kind == JsonValueKind.False ? JsonValueKind.True : kind;

    private static bool ObjectsEqual(JsonElement a, JsonElement b)
    {
        var count = 0;
        foreach (var property in a.EnumerateObject())
        {
            if (!b.TryGetProperty(property.Name, out var other) || !Equal(property.Value, other))
            {
                return false;
            }

            count++;
        }

        return count == b.EnumerateObject().Count();
    }
}
