using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

internal sealed class ItemsKeyword(SchemaNode items) : SchemaKeyword
{
    public override void Validate(JsonElement value, ValidationContext context)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            context.PushIndex(index++);
            items.Validate(item, context);
            context.Pop();
            if (context.IsFull)
            {
                return;
            }
        }
    }
}
