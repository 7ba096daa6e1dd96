using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Results;

/// <summary>The PASS→FAIL transitions `results compare` reports (kernelci/kci-dev:
/// kcidev/subcommands/results/parser.py, cmd_compare): items are paired by key, builds on config|arch|compiler, boots
/// and tests on path|platform|config|arch; the last item of a key wins, in the order its key first appeared, as
/// upstream's dictionaries do.</summary>
internal static class RegressionFinder
{
    public static string BuildKey(JsonObject build) =>
        $"{Get(build, "config_name")}|{Get(build, "architecture")}|{Get(build, "compiler")}";

    public static string TestKey(JsonObject test) =>
        $"{Path(test)}|{Platform(test)}|{Config(test)}|{Get(test, "arch", Get(test, "architecture"))}";

    public static List<JsonObject> Find(IEnumerable<JsonObject> latest, IEnumerable<JsonObject> previous, Func<JsonObject, string> key)
    {
        var before = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var item in previous)
        {
            before[key(item)] = item;
        }

        var after = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in latest)
        {
            var k = key(item);
            if (after.TryAdd(k, item))
            {
                order.Add(k);
            }
            else
            {
                after[k] = item;
            }
        }

        return [.. order.Where(k => before.TryGetValue(k, out var old) && Status(old) == "PASS" && Status(after[k]) == "FAIL").Select(k => after[k])];
    }

    public static string Path(JsonObject test) => ResultText.Python(PathValue(test));

    public static string Platform(JsonObject test) => ResultText.Python(PlatformValue(test));

    public static string Config(JsonObject test) => ResultText.Python(Value(test, "config", Value(test, "config_name", "unknown")));

    public static JsonNode? PathValue(JsonObject test) => Value(test, "test_path", Value(test, "path", "unknown"));

    public static JsonNode? PlatformValue(JsonObject test) =>
        Value(test, "hardware", test["environment_misc"] is JsonObject misc ? Value(misc, "platform", "unknown") : "unknown");

    /// <summary>Python's `item.get(key, default)`: a present key's value, null included, else the default.</summary>
    public static JsonNode? Value(JsonObject item, string key, JsonNode? fallback) =>
        item.TryGetPropertyValue(key, out var value) ? value?.DeepClone() : fallback;

    /// <summary>The same in an f-string: a present null prints `None`, a missing key the default.</summary>
    public static string Get(JsonObject item, string key, string fallback = "unknown") =>
        item.TryGetPropertyValue(key, out var value) ? ResultText.Python(value) : fallback;

    private static string Status(JsonObject item) => item.TryGetPropertyValue("status", out var s) ? ResultText.Python(s) : "UNKNOWN";
}
