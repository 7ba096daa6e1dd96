using System.Text;
using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>"enum", and "const" as an enum of one value.</summary>
internal sealed class EnumKeyword(JsonElement[] options, bool isConst) : SchemaKeyword
{
    private readonly string allowed = string.Join(", ", options.Select(JsonText.Describe));

    // String options compared as UTF-8, so that checking a status allocates nothing.
    private readonly byte[]?[] utf8 = [.. options.Select(o => o.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(o.GetString()!) : null)];

    public override void Validate(JsonElement value, ValidationContext context)
    {
        for (var i = 0; i < options.Length; i++)
        {
            if (utf8[i] is { } text ? value.ValueKind == JsonValueKind.String && value.ValueEquals(text) : JsonEquality.Equal(value, options[i]))
            {
                return;
            }
        }

        context.Report(isConst
            ? $"{JsonText.Describe(value)} is not {allowed}"
            : $"{JsonText.Describe(value)} is not one of {allowed}");
    }
}
