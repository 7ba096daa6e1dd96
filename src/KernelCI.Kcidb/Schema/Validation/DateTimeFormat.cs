namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>RFC 3339 date-time with a mandatory zone, as rfc3339-validator accepts it after upper-casing.</summary>
internal static class DateTimeFormat
{
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        value = PythonRegex.TrimFinalNewline(value);
        if (value.Length < 20
            || !Number(value, 0, 4, 9999, out var year) || year == 0 || value[4] != '-'
            || !Number(value, 5, 2, 12, out var month) || month == 0 || value[7] != '-'
            || !Number(value, 8, 2, 99, out var day) || day == 0 || day > DateTime.DaysInMonth(year, month)
            || value[10] is not ('T' or 't')
            || !Number(value, 11, 2, 23, out _) || value[13] != ':'
            || !Number(value, 14, 2, 59, out _) || value[16] != ':'
            || !Number(value, 17, 2, 59, out _))
        {
            return false;
        }

        var zone = 19;
        if (value[zone] == '.')
        {
            var digits = value[(zone + 1)..].IndexOfAnyExceptInRange('0', '9');
            if (digits <= 0)
            {
                return false;
            }

            zone += digits + 1;
        }

        return IsZone(value[zone..]);
    }

    private static bool IsZone(ReadOnlySpan<char> zone) =>
        zone is "Z" or "z"
        || (zone.Length == 6 && zone[0] is '+' or '-' && Number(zone, 1, 2, 23, out _) && zone[3] == ':' && Number(zone, 4, 2, 59, out _));

    private static bool Number(ReadOnlySpan<char> value, int start, int length, int max, out int number)
    {
        number = 0;
        foreach (var c in value.Slice(start, length))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return number <= max;
    }
}
