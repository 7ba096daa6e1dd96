using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>Typed reads of a job's params (YAML values arrive as strings, numbers or lists).</summary>
internal static class JobParams
{
    public static string? String(JsonObject parameters, string name) =>
        parameters[name] is JsonValue value ? value.ToString() : null;

    /// <summary>A list, a single string, or (for defconfig) an `a+b` string.</summary>
    public static IReadOnlyList<string> List(JsonObject parameters, string name, char? separator = null) => parameters[name] switch
    {
        JsonArray array => array.Where(i => i is not null).Select(i => i!.ToString()).ToList(),
        JsonValue value when value.ToString() is { Length: > 0 } text =>
            separator is { } s ? text.Split(s, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [text],
        _ => [],
    };

    /// <summary>Minutes from `job_timeout` or `timeout` (a number), or <paramref name="defaultMinutes"/>.</summary>
    public static TimeSpan Timeout(JsonObject parameters, double defaultMinutes)
    {
        foreach (var name in new[] { "job_timeout", "timeout" })
        {
            if (parameters[name] is not JsonValue value)
            {
                continue;
            }

            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || minutes <= 0)
            {
                throw new InvalidJobParamsException($"params.{name}: '{text}' is not a positive number of minutes");
            }

            return TimeSpan.FromMinutes(minutes);
        }

        return TimeSpan.FromMinutes(defaultMinutes);
    }
}
