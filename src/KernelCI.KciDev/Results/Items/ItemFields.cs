using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Results.Items;

/// <summary>Reading a build's or test's fields from the dashboard's JSON the way upstream's parser does, without its
/// crashes on nulls (kernelci/kci-dev:kcidev/subcommands/results/parser.py).</summary>
internal static class ItemFields
{
    public static string? Text(JsonObject item, string key) => item[key] is JsonValue value ? AsText(value) : null;

    public static string? Platform(JsonObject test) => test["environment_misc"] is JsonObject misc ? Text(misc, "platform") : null;

    public static IEnumerable<string> Compatibles(JsonObject test) =>
        test["environment_compatible"] is JsonArray list ? list.OfType<JsonValue>().Select(AsText).OfType<string>() : [];

    /// <summary>A missing status is upstream's "NULL".</summary>
    public static string Status(JsonObject item) => (Text(item, "status") ?? "NULL").ToUpperInvariant();

    /// <summary>A test's config is `config`, or a build's `config_name`; upstream prints "No config available" without either.</summary>
    public static string? Config(JsonObject test) =>
        test.ContainsKey("config") ? Text(test, "config") : test.ContainsKey("config_name") ? Text(test, "config_name") : "No config available";

    public static DateTimeOffset? Time(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    public static double? Number(JsonObject item, string key) =>
        item[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    private static string? AsText(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Null => null,
        _ => value.ToJsonString(),
    };
}
