using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>One compiled JSON-schema keyword (or a group that shares one pass over the value).</summary>
internal abstract class SchemaKeyword
{
    public abstract void Validate(JsonElement value, ValidationContext context);
}
