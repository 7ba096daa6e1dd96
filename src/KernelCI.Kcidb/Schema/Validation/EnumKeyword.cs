using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>"enum", and "const" as an enum of one value.</summary>
internal sealed class EnumKeyword(JsonElement[] options, bool isConst) : SchemaKeyword
{
    private readonly string allowed = string.Join(", ", options.Select(JsonText.Describe));

    public override void Validate(JsonElement value, ValidationContext context)
    {
        foreach (var option in options)
        {
            if (JsonEquality.Equal(value, option))
            {
                return;
            }
        }

        context.Report(isConst
            ? $"{JsonText.Describe(value)} is not {allowed}"
            : $"{JsonText.Describe(value)} is not one of {allowed}");
    }
}
