using System.Globalization;
using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Results.Hardware;

/// <summary>What every `results hardware` request carries: the origin and the last 7 days up to now (from the
/// TimeProvider), as Unix seconds in strings (kci-dev.md §9; kernelci/kci-dev:kcidev/libs/dashboard.py
/// `_create_hardware_request_body`).</summary>
internal sealed record HardwareWindow(string Origin, string Start, string End)
{
    public static HardwareWindow LastWeek(string origin, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new(origin, Seconds(now.AddDays(-7)), Seconds(now));
    }

    public IReadOnlyList<KeyValuePair<string, string?>> Query =>
        [new("origin", Origin), new("endTimestampInSeconds", End), new("startTimestampInSeconds", Start)];

    /// <summary>The POST body of `hardware/{name}/summary|builds|boots|tests`, keys in upstream's order.</summary>
    public JsonObject Body() => new()
    {
        ["origin"] = Origin,
        ["endTimestampInSeconds"] = End,
        ["startTimestampInSeconds"] = Start,
        ["selectedCommits"] = new JsonObject(),
        ["filter"] = new JsonObject(),
    };

    /// <summary>A hardware name in a path as Python's `quote_plus` writes it (`mediatek%2Cmt8195`, a space as `+`).</summary>
    public static string PathSegment(string name) => Uri.EscapeDataString(name).Replace("%20", "+", StringComparison.Ordinal);

    private static string Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
