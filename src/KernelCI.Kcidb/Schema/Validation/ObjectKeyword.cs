using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>"properties", "required" and "additionalProperties", checked in one pass over the object.</summary>
internal sealed class ObjectKeyword(PropertyTable properties, string[] required, SchemaNode? additional) : SchemaKeyword
{
    private readonly int[] requiredIndexes = [.. required.Select(properties.IndexOf)];

    public override void Validate(JsonElement value, ValidationContext context)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        ulong seen = 0;
        foreach (var property in value.EnumerateObject())
        {
            var index = properties.Find(property);
            if (index >= 0)
            {
                seen |= index < 64 ? 1UL << index : 0;
                context.PushName(properties.Names[index]);
                properties.Nodes[index].Validate(property.Value, context);
                context.Pop();
            }
            else if (ReferenceEquals(additional, SchemaNode.Anything))
            {
                // Nothing to check, and no reason to allocate the name.
            }
            else if (additional is null)
            {
                context.Report($"unexpected field \"{property.Name}\"");
            }
            else
            {
                context.PushName(property.Name);
                additional.Validate(property.Value, context);
                context.Pop();
            }

            if (context.IsFull)
            {
                break;
            }
        }

        for (var i = 0; i < required.Length; i++)
        {
            var index = requiredIndexes[i];
            var present = index is >= 0 and < 64 ? (seen & (1UL << index)) != 0 : value.TryGetProperty(required[i], out _);
            if (!present)
            {
                context.Report($"missing required field \"{required[i]}\"");
            }
        }
    }
}
