using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>A `lab_type: lava` runtime entry, read as kernelci-core reads it (kernelci/kernelci-core:kernelci/config/runtime.py,
/// RuntimeLAVA): url, priority or priority_min/max (0–100), max_queue_depth (50), max_queue_depth_priority_factor (2),
/// disable_queue_limit, notify.callback. `runtime_token` and `callback_token` are NAMES of secrets in the data folder,
/// never the tokens: they default to `NAME.runtime_token` and `NAME.callback_token` (docs/labs.md).</summary>
internal sealed record LavaLabSettings(string Name, Uri? Url, int? Priority, int? PriorityMin, int? PriorityMax, int MaxQueueDepth,
    double MaxQueueDepthPriorityFactor, bool DisableQueueLimit, string RuntimeTokenName, string CallbackTokenName,
    LavaNotifySettings? Notify)
{
    /// <summary>The entry's settings, or the list of what is wrong with them, each naming the key.</summary>
    public static LavaLabSettings Read(RuntimeConfig config, List<string> errors)
    {
        var s = config.Settings;
        string Key(string key) => $"runtimes.{config.Name}.{key}";
        Uri? url = null;
        if (s["url"]?.ToString() is { Length: > 0 } text
            && (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            errors.Add($"{Key("url")}: '{text}' is not an http(s) URL");
            url = null;
        }

        var min = Percent(s["priority_min"], Key("priority_min"), errors);
        var max = Percent(s["priority_max"], Key("priority_max"), errors);
        if (min > max)
        {
            // The scaling (LavaPriority.Scale) would turn the tree's priorities upside down.
            errors.Add($"{Key("priority_max")}: {max} is below priority_min {min}");
        }

        return new LavaLabSettings(config.Name, url,
            Percent(s["priority"], Key("priority"), errors, named: true),
            min,
            max,
            Number(s["max_queue_depth"], Key("max_queue_depth"), errors, 50, min: 1),
            Math.Max(1.0, Number(s["max_queue_depth_priority_factor"], Key("max_queue_depth_priority_factor"), errors, 2.0, min: 0)),
            s["disable_queue_limit"]?.ToString() is "true" or "True",
            TokenName(s["runtime_token"], LabTokenName.Default(config.Name, "runtime_token"), Key("runtime_token"), errors),
            TokenName(s["callback_token"], LabTokenName.Default(config.Name, "callback_token"), Key("callback_token"), errors),
            LavaNotifySettings.Read(s["notify"], Key("notify"), errors));
    }

    private static int? Percent(JsonNode? node, string key, List<string> errors, bool named = false)
    {
        var text = node?.ToString();
        if (text is null)
        {
            return null;
        }

        // kernelci-core's RuntimeLAVA.PRIORITIES: a lab-wide priority may be a LAVA level name.
        if (named && LavaPriority.Levels.TryGetValue(text, out var level))
        {
            return level;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100)
        {
            return value;
        }

        errors.Add($"{key}: '{text}' is not a number from 0 to 100");
        return null;
    }

    private static T Number<T>(JsonNode? node, string key, List<string> errors, T fallback, T min)
        where T : struct, INumber<T>
    {
        if (node?.ToString() is not { } text)
        {
            return fallback;
        }

        if (T.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        errors.Add($"{key}: '{text}' is not a number of at least {min}");
        return fallback;
    }

    private static string TokenName(JsonNode? node, string fallback, string key, List<string> errors)
    {
        if (node is null)
        {
            return fallback;
        }

        if (node is JsonValue value && value.ToString() is { Length: > 0 } name)
        {
            return name;
        }

        errors.Add($"{key}: must be the name of a secret in the data folder's secrets.json");
        return fallback;
    }
}
