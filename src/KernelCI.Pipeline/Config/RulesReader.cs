using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Config;

/// <summary>Checks a `rules:` mapping: min_version/max_version are {version, patchlevel} integers; every other rule is
/// a string or a list of strings (a '!' prefix denies).</summary>
internal static class RulesReader
{
    public static Rules Read(EntryReader reader, string field, JsonObject raw)
    {
        foreach (var (name, value) in raw)
        {
            var key = $"{field}.{name}";
            if (name is "min_version" or "max_version")
            {
                if (value is not JsonObject version)
                {
                    throw reader.Error(key, $"expected a mapping {{version, patchlevel}}, got {EntryReader.Kind(value)}");
                }

                foreach (var (part, number) in version)
                {
                    if (part is not ("version" or "patchlevel" or "sublevel"))
                    {
                        throw reader.Error($"{key}.{part}", "unknown key (expected version, patchlevel)");
                    }

                    if (number is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
                    {
                        throw reader.Error($"{key}.{part}", $"expected an integer, got {EntryReader.Kind(number)}");
                    }
                }

                continue;
            }

            var ok = value switch
            {
                JsonValue v => v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False,
                JsonArray a => a.All(i => i is JsonValue iv && iv.GetValueKind() is JsonValueKind.String or JsonValueKind.Number),
                _ => false,
            };
            if (!ok)
            {
                throw reader.Error(key, $"expected a string or a list of strings, got {EntryReader.Kind(value)}");
            }
        }

        return new Rules(raw);
    }
}
