using System.Data.Common;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Dashboard.Details;

/// <summary>Reads the columns of the detail endpoints' rows the same way on both databases (booleans are INTEGER on
/// SQLite, arrays JSON text, timestamps microseconds), into the values upstream's answers carry.</summary>
internal static class Rows
{
    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A raw status column selected through <see cref="DashboardSql.Status"/>: no status is upstream's "NULL".</summary>
    public static string Status(DbDataReader reader, int ordinal) => Text(reader, ordinal) ?? "NULL";

    public static bool? Bool(DashboardDb db, DbDataReader reader, int ordinal) => (bool?)db.Kcidb.Read(reader, ordinal, ColumnKind.Bool);

    public static double? Double(DashboardDb db, DbDataReader reader, int ordinal) =>
        db.Kcidb.Read(reader, ordinal, ColumnKind.Float) is double d && double.IsFinite(d) ? d : null;

    public static long? Long(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static string? Time(DashboardDb db, DbDataReader reader, int ordinal) => db.Sql.ReadTimeText(reader, ordinal);

    /// <summary>A JSON column; a stored value that no longer parses reads as null rather than failing the answer.</summary>
    public static JsonNode? Json(DashboardDb db, DbDataReader reader, int ordinal)
    {
        try
        {
            return db.Sql.ReadJson(reader, ordinal);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static string[]? Strings(DashboardDb db, DbDataReader reader, int ordinal) => db.Sql.ReadStrings(reader, ordinal);
}
