using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace KernelCI.Kcidb.Store;

/// <summary>RFC 3339 in and out. Output matches upstream's isoformat(timespec='microseconds') in UTC.</summary>
internal static class KcidbTimestamp
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";

    public static DateTime Parse(string text) => TryParseCommon(text, out var utc) ? utc : ParseAny(text);

    /// <summary>A JSON string value, read from its UTF-8 without building a string in the common case.</summary>
    public static DateTime Parse(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = JsonMarshal.GetRawUtf8Value(value)[1..^1];
            Span<char> chars = stackalloc char[40];
            if (text.Length <= chars.Length && text.IndexOf((byte)'\\') < 0 && Ascii.IsValid(text))
            {
                Ascii.ToUtf16(text, chars, out var written);
                if (TryParseCommon(chars[..written], out var utc))
                {
                    return utc;
                }
            }
        }

        return Parse(value.GetString()!);
    }

    public static string Format(DateTime utc) => utc.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Microseconds since 1970 UTC: SQLite's storage, a compact and ordered index key.</summary>
    public static long ToMicroseconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static DateTime FromMicroseconds(long microseconds) =>
        new(DateTime.UnixEpoch.Ticks + (microseconds * TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    // Ingestion parses millions of these; the general parser is several times slower than reading the digits.
    private static bool TryParseCommon(ReadOnlySpan<char> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] | 0x20) != 't' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var digits = 0;
            for (i++; i < s.Length && char.IsAsciiDigit(s[i]); i++, digits++)
            {
                fraction = digits < 7 ? (fraction * 10) + (s[i] - '0') : fraction;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        var offset = 0;
        var zone = s[i..];
        if (zone is not ("Z" or "z"))
        {
            if (zone.Length != 6 || zone[0] is not ('+' or '-') || zone[3] != ':'
                || !TryNumber(zone, 1, 2, out var hours) || !TryNumber(zone, 4, 2, out var minutes))
            {
                return false;
            }

            offset = (zone[0] == '-' ? -1 : 1) * ((hours * 60) + minutes);
        }

        if (!TryNumber(s, 0, 4, out var year) || !TryNumber(s, 5, 2, out var month) || !TryNumber(s, 8, 2, out var day)
            || !TryNumber(s, 11, 2, out var hour) || !TryNumber(s, 14, 2, out var minute) || !TryNumber(s, 17, 2, out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        utc = DateTime.SpecifyKind(local.AddMinutes(-offset), DateTimeKind.Utc);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> s, int start, int length, out int value)
    {
        value = 0;
        foreach (var c in s.Slice(start, length))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static DateTime ParseAny(string text)
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
            return ParseAny(text.Remove(dot + 8, end - 7));
        }

        throw new FormatException($"'{text}' is not an RFC 3339 date-time");
    }
}
