using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Maestro;

/// <summary>Text as Python's `json.dumps(value, sort_keys=True, indent=N)` writes it, which upstream prints for
/// `maestro results` (indent 4) and `submit build --dry-run` (indent 2): keys in code-point order at every level, `": "`
/// after keys, `[]`/`{}` when empty and non-ASCII escaped as `\uXXXX` (kcidev/libs/maestro_common.py,
/// kcidev/subcommands/submit/__init__.py), so scripts that diff the two outputs see the same text.</summary>
internal static class PythonJson
{
    public static string Dumps(JsonNode? value, int indent) => Dumps(value, indent, sortKeys: true);

    /// <summary>With no <paramref name="indent"/>, one line with `", "` and `": "` separators (`json.dumps(value)`).</summary>
    public static string Dumps(JsonNode? value, int? indent, bool sortKeys)
    {
        var text = new StringBuilder();
        new Writer(text, indent, sortKeys).Write(value, 0);
        return text.ToString();
    }

    private sealed class Writer(StringBuilder text, int? indent, bool sortKeys)
    {
        public void Write(JsonNode? value, int depth)
        {
            switch (value)
            {
                case null:
                    text.Append("null");
                    break;
                case JsonObject obj when obj.Count == 0:
                    text.Append("{}");
                    break;
                case JsonArray array when array.Count == 0:
                    text.Append("[]");
                    break;
                case JsonObject obj:
                    text.Append('{');
                    var first = true;
                    foreach (var (key, item) in sortKeys ? obj.OrderBy(p => p.Key, StringComparer.Ordinal) : obj.AsEnumerable())
                    {
                        NewLine(depth + 1, ref first);
                        WriteString(text, key);
                        text.Append(": ");
                        Write(item, depth + 1);
                    }

                    End(depth, '}');
                    break;
                case JsonArray array:
                    text.Append('[');
                    var firstItem = true;
                    foreach (var item in array)
                    {
                        NewLine(depth + 1, ref firstItem);
                        Write(item, depth + 1);
                    }

                    End(depth, ']');
                    break;
                default:
                    WriteValue(text, value.AsValue());
                    break;
            }
        }

        private void NewLine(int depth, ref bool first)
        {
            if (indent is { } width)
            {
                text.Append(first ? "\n" : ",\n").Append(' ', width * depth);
            }
            else if (!first)
            {
                text.Append(", ");
            }

            first = false;
        }

        private void End(int depth, char close)
        {
            if (indent is { } width)
            {
                text.Append('\n').Append(' ', width * depth);
            }

            text.Append(close);
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        if (value.TryGetValue<double>(out var number) && value.GetValueKind() == JsonValueKind.Number && !value.TryGetValue<JsonElement>(out _))
        {
            // A float made here (e.g. `--duration`): Python's repr keeps the `.0` of an integral float.
            var repr = number.ToString("R", CultureInfo.InvariantCulture);
            text.Append(repr.Contains('.') || repr.Contains('E') ? repr : repr + ".0");
            return;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.ToString());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append(value.ToJsonString());
                break;
        }
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when c < 0x20 || c > 0x7e => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        text.Append('"');
    }
}
