using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>A compiled (sub)schema: an optional type constraint followed by the other keywords.</summary>
internal sealed class SchemaNode(JsonTypes types, SchemaKeyword[] keywords)
{
    public static readonly SchemaNode Anything = new(JsonTypes.None, []);

    public void Validate(JsonElement value, ValidationContext context)
    {
        if (types != JsonTypes.None && !JsonNumbers.HasType(value, types))
        {
            context.Report($"{JsonText.Describe(value)} is not of type {TypeNames(types)}");
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
