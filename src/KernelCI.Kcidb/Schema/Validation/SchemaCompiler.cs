using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>
/// Compiles a Draft-07 schema into a tree of validators. Only the keywords the KCIDB schemas use are
/// supported; any other validation keyword fails compilation rather than being silently ignored.
/// </summary>
internal sealed class SchemaCompiler
{
    private static readonly HashSet<string> Annotations = ["title", "description", "examples", "$defs", "definitions", "$schema", "$id", "$comment", "default"];

    private readonly JsonElement root;
    private readonly Dictionary<string, SchemaNode> references = new(StringComparer.Ordinal);
    private readonly HashSet<string> compiling = new(StringComparer.Ordinal);

    private SchemaCompiler(JsonElement root) => this.root = root;

    public static SchemaNode Compile(JsonElement schema) => new SchemaCompiler(schema).Node(schema);

    private SchemaNode Node(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return SchemaNode.Anything;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            return SchemaNode.Nothing;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new NotSupportedException($"Unsupported schema: {JsonText.Describe(schema)}");
        }

        // In Draft-07, "$ref" makes every sibling keyword irrelevant.
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Resolve(reference.GetString()!);
        }

        var types = JsonTypes.None;
        var keywords = new List<SchemaKeyword>();
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "type":
                    types = Types(value);
                    break;
                case "items":
                    keywords.Add(new ItemsKeyword(Node(value)));
                    break;
                case "enum":
                    keywords.Add(new EnumKeyword([.. value.EnumerateArray().Select(e => e.Clone())], isConst: false));
                    break;
                case "const":
                    keywords.Add(new EnumKeyword([value.Clone()], isConst: true));
                    break;
                case "minimum" or "maximum":
                    keywords.Add(new BoundKeyword(value.GetDecimal(), keyword.Name == "minimum"));
                    break;
                case "properties" or "required" or "additionalProperties" or "maxLength" or "pattern" or "format":
                    break;
                default:
                    if (!Annotations.Contains(keyword.Name))
                    {
                        throw new NotSupportedException($"Unsupported JSON schema keyword \"{keyword.Name}\"");
                    }

                    break;
            }
        }

        AddObjectKeyword(schema, keywords);
        AddStringKeyword(schema, keywords);
        return new SchemaNode(types, [.. keywords]);
    }

    private void AddObjectKeyword(JsonElement schema, List<SchemaKeyword> keywords)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasRequired = schema.TryGetProperty("required", out var required);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        if (!hasProperties && !hasRequired && !hasAdditional)
        {
            return;
        }

        var named = hasProperties ? properties.EnumerateObject().ToList() : [];
        var table = new PropertyTable([.. named.Select(p => p.Name)], [.. named.Select(p => Node(p.Value))]);
        string[] requiredNames = hasRequired ? [.. required.EnumerateArray().Select(e => e.GetString()!)] : [];
        var additionalNode = !hasAdditional ? SchemaNode.Anything : additional.ValueKind == JsonValueKind.False ? null : Node(additional);
        keywords.Add(new ObjectKeyword(table, requiredNames, additionalNode));
    }

    private static void AddStringKeyword(JsonElement schema, List<SchemaKeyword> keywords)
    {
        // Draft-07 allows any non-negative integer, 2.0 included.
        int? maxLength = schema.TryGetProperty("maxLength", out var max) ? (int)max.GetDecimal() : null;
        var pattern = schema.TryGetProperty("pattern", out var p) ? StringPattern.For(p.GetString()!) : null;
        var format = schema.TryGetProperty("format", out var f) ? StringFormat.For(f.GetString()!) : null;
        if (maxLength is not null || pattern is not null || format is not null)
        {
            keywords.Add(new StringKeyword(maxLength, pattern, format));
        }
    }

    /// <summary>A reference within this schema: a JSON pointer in a URI fragment (`#/$defs/origin`, `#/definitions/a~1b`).</summary>
    private SchemaNode Resolve(string reference)
    {
        if (references.TryGetValue(reference, out var node))
        {
            return node;
        }

        if (!compiling.Add(reference))
        {
            throw new NotSupportedException($"Recursive JSON schema reference \"{reference}\"");
        }

        node = Node(Target(reference));
        references[reference] = node;
        compiling.Remove(reference);
        return node;
    }

    private JsonElement Target(string reference)
    {
        if (!reference.StartsWith('#') || (reference.Length > 1 && reference[1] != '/'))
        {
            throw new NotSupportedException($"Unsupported JSON schema reference \"{reference}\"");
        }

        // RFC 6901: the fragment is percent-decoded, then each token's "~1" and "~0" are "/" and "~".
        var pointer = Uri.UnescapeDataString(reference[1..]);
        var target = root;
        foreach (var token in pointer.Length == 0 ? [] : pointer[1..].Split('/'))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty(name, out var property))
            {
                target = property;
            }
            else if (target.ValueKind == JsonValueKind.Array && int.TryParse(name, out var index) && index >= 0 && index < target.GetArrayLength())
            {
                target = target[index];
            }
            else
            {
                throw new NotSupportedException($"JSON schema reference \"{reference}\" points at nothing");
            }
        }

        return target;
    }

    private static JsonTypes Types(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Aggregate(JsonTypes.None, (all, t) => all | Type(t.GetString()!))
        : Type(type.GetString()!);

    private static JsonTypes Type(string name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "string" => JsonTypes.String,
        "integer" => JsonTypes.Integer,
        _ => throw new NotSupportedException($"Unknown JSON type \"{name}\""),
    };
}
