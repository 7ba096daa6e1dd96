using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Web.Builds;

/// <summary>How the build and test pages write values: durations, fields of a misc object, JSON blocks.</summary>
internal static class DetailsText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Seconds as `m:ss` or `h:mm:ss`, with the seconds in words for screen readers and copying.</summary>
    public static string? Duration(double? seconds) => seconds is { } s && s >= 0
        ? TimeSpan.FromSeconds(Math.Round(s)).ToString(s >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture)
        : null;

    public static string? Field(JsonNode? misc, string key) => misc is JsonObject o ? Artifacts.Text(o[key]) : null;

    /// <summary>A JSON column as indented text, or null when empty.</summary>
    public static string? Json(JsonNode? node) => node switch
    {
        null => null,
        JsonObject { Count: 0 } or JsonArray { Count: 0 } => null,
        _ => node.ToJsonString(Indented),
    };

    /// <summary>A log excerpt that is only a URL (maestro stores big excerpts in storage) is linked, not shown.</summary>
    public static bool IsUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !text.Trim().Contains('\n');
}
