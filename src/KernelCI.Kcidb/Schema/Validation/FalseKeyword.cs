using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>The schema `false` (e.g. a property that must not appear): every value is refused.</summary>
internal sealed class FalseKeyword : SchemaKeyword
{
    public override void Validate(JsonElement value, ValidationContext context) =>
        context.Report($"{JsonText.Describe(value)} is not allowed here");
}
