using System.Globalization;

namespace KernelCI.Kcidb.Store;

/// <summary>RFC 3339 in and out. Output matches upstream's isoformat(timespec='microseconds') in UTC, which also sorts
/// as text, so SQLite can compare and index the stored strings.</summary>
internal static class KcidbTimestamp
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";

    public static DateTime Parse(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.UtcDateTime;
        }

        // RFC 3339 allows any number of fraction digits; .NET stops at seven.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var end = dot < 0 ? -1 : text.AsSpan(dot + 1).IndexOfAnyExceptInRange('0', '9');
        if (end > 7)
        {
            return Parse(text.Remove(dot + 8, end - 7));
        }

        throw new FormatException($"'{text}' is not an RFC 3339 date-time");
    }

    public static string Format(DateTime utc) => utc.ToString(Pattern, CultureInfo.InvariantCulture);
}
