using System.Globalization;
using System.Text.Json;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.KcidbIngest.Baseline;

/// <summary>Turns a field's value into what Npgsql writes for the column's actual type, whatever type the store chose
/// (JSONB or TEXT for misc, an enum or TEXT for status, …).</summary>
internal static class PgValues
{
    private static readonly DatasetJsonContext Json = DatasetJsonContext.Default;

    public static object Convert(object value, PgColumn column, string table) => column.TypeName switch
    {
        "jsonb" or "json" => AsJson(value) ?? throw Mismatch(value, column, table),
        "text" or "character varying" or "character" => AsText(value) ?? throw Mismatch(value, column, table),
        "text[]" or "character varying[]" => value is IReadOnlyList<string> list ? list.ToArray() : throw Mismatch(value, column, table),
        "timestamp with time zone" => value is DateTimeOffset time ? time.UtcDateTime : throw Mismatch(value, column, table),
        "timestamp without time zone" => value is DateTimeOffset local ? DateTime.SpecifyKind(local.UtcDateTime, DateTimeKind.Unspecified) : throw Mismatch(value, column, table),
        "double precision" => value is double or int ? System.Convert.ToDouble(value, CultureInfo.InvariantCulture) : throw Mismatch(value, column, table),
        "real" => value is double or int ? System.Convert.ToSingle(value, CultureInfo.InvariantCulture) : throw Mismatch(value, column, table),
        "integer" => value is int ? value : throw Mismatch(value, column, table),
        "bigint" => value is int number ? (long)number : throw Mismatch(value, column, table),
        "boolean" => value is bool ? value : throw Mismatch(value, column, table),
        _ when column.IsEnum => value is string ? value : throw Mismatch(value, column, table),
        _ => throw Mismatch(value, column, table),
    };

    private static string? AsJson(object value) => value switch
    {
        JsonText json => json.Json,
        string text => JsonSerializer.Serialize(text, Json.String),
        IReadOnlyList<string> list => JsonSerializer.Serialize(list, Json.IReadOnlyListString),
        bool flag => flag ? "true" : "false",
        int or double => System.Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string? AsText(object value) => value switch
    {
        JsonText json => json.Json,
        string text => text,
        DateTimeOffset time => time.ToString("o", CultureInfo.InvariantCulture),
        IReadOnlyList<string> list => JsonSerializer.Serialize(list, Json.IReadOnlyListString),
        _ => null,
    };

    private static BenchFailure Mismatch(object value, PgColumn column, string table) =>
        new($"the COPY baseline cannot write a {value.GetType().Name} into {table}.{column.Name} ({column.TypeName})");
}
