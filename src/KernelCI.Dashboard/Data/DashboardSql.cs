using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Data;

/// <summary>Where the dashboard's SQL differs between the databases beyond KCIDB's own columns: JSON fields, array
/// columns, timestamps as parameters and as upstream prints them.</summary>
internal abstract class DashboardSql
{
    /// <summary>A text field of a JSON column (`environment_misc->>'platform'`).</summary>
    public abstract string JsonText(string column, string key);

    /// <summary>A text field of a JSON column when it is a JSON string, else NULL (a number or object there is no
    /// text, as a JsonValue of that kind gives no string).</summary>
    public abstract string JsonString(string column, string key);

    /// <summary>A JSON column's text when it is a JSON object, else NULL.</summary>
    public abstract string JsonObjectText(string column);

    /// <summary>A raw status column (an enum on PostgreSQL) as text, NULL kept.</summary>
    public abstract string Status(string column);

    /// <summary>A condition that an array column (compatibles, tags) holds the text parameter.</summary>
    public abstract string ArrayContains(string column, string parameter);

    public abstract void AddTime(DbCommand command, string name, DateTimeOffset time);

    public abstract DateTimeOffset? ReadTime(DbDataReader reader, int ordinal);

    /// <summary>A JSON column (JSONB on PostgreSQL, text on SQLite) as a node.</summary>
    public JsonNode? ReadJson(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonNode.Parse(reader.GetString(ordinal));

    /// <summary>An array column (TEXT[] on PostgreSQL, a JSON array on SQLite).</summary>
    public abstract string[]? ReadStrings(DbDataReader reader, int ordinal);

    /// <summary>A timestamp as upstream's Django REST framework prints one: ISO 8601, `Z`, microseconds only when
    /// there are some.</summary>
    public static string? FormatTime(DateTimeOffset? time)
    {
        if (time is not { } t)
        {
            return null;
        }

        // The round-trip format ("O", yyyy-MM-ddTHH:mm:ss.fffffffZ for a UTC time) has a fast path in .NET, where a
        // custom format string is parsed on every call; its first 19 or 26 characters are the two formats above
        // ("ffffff" truncates, as cutting the seventh digit does). Every listing formats a time or two per row.
        var utc = t.UtcDateTime;
        Span<char> text = stackalloc char[28];
        if (!utc.TryFormat(text, out var written, "O", CultureInfo.InvariantCulture) || written != 28)
        {
            return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
                CultureInfo.InvariantCulture);
        }

        var length = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? 19 : 26;
        text[length] = 'Z';
        return new string(text[..(length + 1)]);
    }

    public string? ReadTimeText(DbDataReader reader, int ordinal) => FormatTime(ReadTime(reader, ordinal));
}
