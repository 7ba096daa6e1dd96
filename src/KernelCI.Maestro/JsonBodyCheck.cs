using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Maestro;

/// <summary>What every JSON body must satisfy before any endpoint looks at it, because the databases refuse it with
/// an error rather than a reason: PostgreSQL's text and jsonb cannot hold U+0000 (in a value or a key), UTF-8 has no unpaired surrogates, and jsonb's
/// numeric cannot hold numbers such as 1e1000000. Numbers must therefore be finite doubles, as JSON parsers
/// elsewhere (the pipeline's Python, kci-dev) read them anyway.</summary>
internal static class JsonBodyCheck
{
    public static void Check(JsonNode? node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var child = path.Length == 0 ? key : path + "." + key;
                    if (!TextInput.IsStorable(key))
                    {
                        throw MaestroException.BadRequest($"{Shown(child)}: keys must not contain U+0000 or unpaired surrogates");
                    }

                    Check(value, child);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], $"{path}[{i}]");
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                if (!TextInput.IsStorable(value.GetValue<string>()))
                {
                    throw MaestroException.BadRequest($"{Shown(path)}: strings must not contain U+0000 or unpaired surrogates");
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                var text = value.ToJsonString();
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    throw MaestroException.BadRequest($"{Shown(path)}: number {Truncate(text)} is out of range");
                }

                break;
        }
    }

    private static string Shown(string path) => path.Length == 0 ? "body" : TextInput.Shown(path);

    private static string Truncate(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
