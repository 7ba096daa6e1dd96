using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Config;

/// <summary>Reads the fields of one configuration entry with type checks; every error names the file and the dotted
/// key. Keys not read are either rejected (<see cref="RejectUnknown"/>) or kept (<see cref="Rest"/>).</summary>
internal sealed class EntryReader(string file, string key, JsonObject entry)
{
    private readonly HashSet<string> _read = [];

    public string File { get; } = file;

    public string Key { get; } = key;

    public PipelineConfigException Error(string field, string problem) => new(File, Path(field), problem);

    public string Path(string field) => $"{Key}.{field}";

    public bool Has(string field) => entry.ContainsKey(field);

    public string? String(string field)
    {
        var value = Read(field);
        return value switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() is JsonValueKind.Number => v.ToJsonString(),
            _ => throw Error(field, $"expected a string, got {Kind(value)}"),
        };
    }

    public string RequiredString(string field) =>
        String(field) is { Length: > 0 } value ? value : throw Error(field, "is required");

    public int? Int(string field)
    {
        var value = Read(field);
        return value switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) && n is >= int.MinValue and <= int.MaxValue => (int)n,
            _ => throw Error(field, $"expected an integer, got {Kind(value)}"),
        };
    }

    public bool? Bool(string field)
    {
        var value = Read(field);
        return value switch
        {
            null => null,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw Error(field, $"expected true or false, got {Kind(value)}"),
        };
    }

    public IReadOnlyList<string>? StringList(string field)
    {
        var value = Read(field);
        return value switch
        {
            null => null,
            JsonArray array => array.Select((item, i) => item is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
                ? v.ToString()
                : throw Error($"{field}[{i}]", $"expected a string, got {Kind(item)}")).ToList(),
            _ => throw Error(field, $"expected a list of strings, got {Kind(value)}"),
        };
    }

    public JsonObject Object(string field)
    {
        var value = Read(field);
        return value switch
        {
            null => [],
            JsonObject o => (JsonObject)o.DeepClone(),
            _ => throw Error(field, $"expected a mapping, got {Kind(value)}"),
        };
    }

    public Rules Rules(string field = "rules") => RulesReader.Read(this, field, Object(field));

    /// <summary>The keys not read so far, e.g. a runtime's lab-specific settings.</summary>
    public JsonObject Rest()
    {
        var rest = new JsonObject();
        foreach (var (name, value) in entry)
        {
            if (_read.Add(name))
            {
                rest[name] = value?.DeepClone();
            }
        }

        return rest;
    }

    public void RejectUnknown()
    {
        foreach (var (name, _) in entry)
        {
            if (!_read.Contains(name))
            {
                throw Error(name, "unknown key");
            }
        }
    }

    public static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a scalar",
        },
        _ => "a value",
    };

    private JsonNode? Read(string field)
    {
        _read.Add(field);
        return entry[field];
    }
}
