using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>A compiled (sub)schema: an optional type constraint followed by the other keywords.</summary>
internal sealed class SchemaNode(JsonTypes types, SchemaKeyword[] keywords)
{
    public static readonly SchemaNode Anything = new(JsonTypes.None, []);

    /// <summary>The schema `false`: no value is valid.</summary>
    public static readonly SchemaNode Nothing = new(JsonTypes.None, [new FalseKeyword()]);

    public void Validate(JsonElement value, ValidationContext context)
    {
        if (types != JsonTypes.None && !JsonNumbers.HasType(value, types))
        {
            context.Report($"{JsonText.Describe(value)} is not of type {TypeNames(types)}");
            return;
        }

        // Python reads 1e400 as infinity, which no JSON reply can carry; upstream's PostgreSQL refuses it as out of range.
        if (types != JsonTypes.None && value.ValueKind == JsonValueKind.Number && !JsonNumbers.IsFinite(value))
        {
            context.Report($"{JsonText.Describe(value)} is out of the range of a double-precision number");
            return;
        }

        foreach (var keyword in keywords)
        {
            keyword.Validate(value, context);
        }
    }

    private static string TypeNames(JsonTypes types) =>
        string.Join(" or ", Enum.GetValues<JsonTypes>()
            .Where(t => t != JsonTypes.None && types.HasFlag(t))
            .Select(t => t.ToString().ToLowerInvariant()));
}
