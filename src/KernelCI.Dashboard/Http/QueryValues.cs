using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Http;

/// <summary>Reads query-string values for the dashboard's endpoints, throwing <see cref="BadParameterException"/>
/// (400, naming the parameter) on a value that cannot be used. A repeated single-valued parameter takes its last value,
/// as Django's QueryDict.get does.</summary>
internal static class QueryValues
{
    public static string? Optional(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count == 0)
        {
            return null;
        }

        var value = values[^1] ?? "";
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new BadParameterException(name, "must not contain NUL");
        }

        return value.Length == 0 ? null : value;
    }

    public static string Required(IQueryCollection query, string name) =>
        Optional(query, name) ?? throw new BadParameterException(name, "is required");

    /// <summary>An integer in [min, max], or <paramref name="fallback"/> when absent.</summary>
    public static int Int(IQueryCollection query, string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Optional(query, name) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new BadParameterException(name, "must be a whole number");
        }

        if (value < min || value > max)
        {
            throw new BadParameterException(name, $"must be between {min} and {max}");
        }

        return value;
    }

    /// <summary>Seconds since 1970 (kci-dev and the web UI send them as strings, sometimes with decimals).</summary>
    public static DateTimeOffset? Seconds(IQueryCollection query, string name) => ParseSeconds(name, Optional(query, name));

    public static DateTimeOffset? ParseSeconds(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds)
            || seconds < 0 || seconds > 253402300799)
        {
            throw new BadParameterException(name, "must be a time in seconds since 1970 (0-253402300799)");
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>A comma-separated list of at most <paramref name="max"/> non-empty values.</summary>
    public static IReadOnlyList<string> Csv(IQueryCollection query, string name, int max)
    {
        if (Optional(query, name) is not { } text)
        {
            return [];
        }

        var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (values.Length > max)
        {
            throw new BadParameterException(name, $"at most {max} values");
        }

        return values;
    }
}
