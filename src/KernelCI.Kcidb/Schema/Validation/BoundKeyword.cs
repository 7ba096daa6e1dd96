using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>"minimum" or "maximum" (inclusive, as in Draft-07).</summary>
internal sealed class BoundKeyword(decimal limit, bool isMinimum) : SchemaKeyword
{
    public override void Validate(JsonElement value, ValidationContext context)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        var comparison = JsonNumbers.Compare(value, limit);
        if (isMinimum && comparison < 0)
        {
            context.Report($"{JsonText.Describe(value)} is less than the minimum of {limit}");
        }
        else if (!isMinimum && comparison > 0)
        {
            context.Report($"{JsonText.Describe(value)} is greater than the maximum of {limit}");
        }
    }
}
