using System.Globalization;
using KernelCI.Kcidb.Store;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Kcidb.Queries;

/// <summary>Reads and checks query-string values, throwing <see cref="BadParameterException"/> on the first bad one.</summary>
internal static class QueryParameters
{
    public static void RejectUnknown(IQueryCollection query, IReadOnlyCollection<string> known)
    {
        foreach (var key in query.Keys)
        {
            if (!known.Contains(key))
            {
                throw new BadParameterException(key, "unknown parameter; known: " + string.Join(", ", known));
            }
        }
    }

    public static List<string> Ids(IQueryCollection query, string name)
    {
        var ids = new List<string>();
        foreach (var value in query[name])
        {
            if (string.IsNullOrEmpty(value) || value.Contains('\0', StringComparison.Ordinal))
            {
                throw new BadParameterException(name, "an id must be a non-empty string without NUL");
            }

            ids.Add(value);
        }

        return ids;
    }

    public static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            throw new BadParameterException(name, "give it at most once");
        }

        var value = values.Count == 0 ? null : values[0];
        if (value is not null && (value.Length == 0 || value.Contains('\0', StringComparison.Ordinal)))
        {
            throw new BadParameterException(name, "must be a non-empty string without NUL");
        }

        return value;
    }

    public static bool Flag(IQueryCollection query, string name) => Single(query, name) switch
    {
        null or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw new BadParameterException(name, "must be true or false"),
    };

    public static long Version(string name, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version <= int.MaxValue
            ? version
            : throw new BadParameterException(name, $"'{value}' is not a version number (an integer from 0)");

    public static int Limit(IQueryCollection query) => Single(query, "limit") switch
    {
        null => 100,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 1000 => limit,
        _ => throw new BadParameterException("limit", "must be an integer from 1 to 1000"),
    };

    public static DateTime? Time(IQueryCollection query, string name)
    {
        if (Single(query, name) is not { } text)
        {
            return null;
        }

        try
        {
            return KcidbTimestamp.Parse(text);
        }
        catch (FormatException)
        {
            throw new BadParameterException(name, $"'{text}' is not an RFC 3339 date-time");
        }
    }
}
