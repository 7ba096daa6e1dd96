using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Queries;

/// <summary>Rebuilds a v5.3 object from its row: NULL columns are left out and flattened columns are put back into their
/// nested object ("environment", "number", "culprit").</summary>
internal static class ObjectJson
{
    public static string SelectList(QuerySql sql, KcidbTable table, bool withMetadata) =>
        string.Join(", ", table.Columns.Select(sql.Select)) + (withMetadata ? ", " + TimestampColumn(sql) : "");

    public static JsonObject Read(QuerySql sql, KcidbTable table, DbDataReader reader, bool withMetadata)
    {
        var item = new JsonObject();
        for (var i = 0; i < table.Columns.Length; i++)
        {
            var column = table.Columns[i];
            if (sql.Read(reader, i, column.Kind) is not { } value || ToNode(column.Kind, value) is not { } node)
            {
                continue;
            }

            var target = item;
            if (column.Parent is not null)
            {
                if (item[column.Parent] is not JsonObject nested)
                {
                    nested = [];
                    item[column.Parent] = nested;
                }

                target = nested;
            }

            target[column.Field] = node;
        }

        if (withMetadata && sql.Read(reader, table.Columns.Length, ColumnKind.Timestamp) is string timestamp)
        {
            item["_timestamp"] = timestamp;
        }

        return item;
    }

    private static string TimestampColumn(QuerySql sql) => sql.Select(new KcidbColumn("_timestamp", ColumnKind.Timestamp));

    private static JsonNode? ToNode(ColumnKind kind, object value) => value switch
    {
        bool flag => JsonValue.Create(flag),
        // Infinity or NaN, stored before validation refused numbers out of a double's range: JSON cannot carry it, and
        // writing it would fail the whole reply, so the field is left out as if unknown.
        double number => double.IsFinite(number) ? JsonValue.Create(number) : null,
        long integer => JsonValue.Create(integer),
        string[] items => new JsonArray([.. items.Select(s => (JsonNode?)JsonValue.Create(s))]),
        string text when kind is ColumnKind.Json or ColumnKind.TextArray => ParseStored(text),
        string text => JsonValue.Create(text),
        _ => throw new InvalidOperationException($"unexpected {value.GetType()} in a {kind} column"),
    };

    // SQLite keeps JSON as it was sent: one holding an escaped surrogate without its pair (refused at upload since, see
    // docs/kcidb.md) parses, but cannot be written into a reply. Such a field is left out rather than failing the reply.
    private static JsonNode? ParseStored(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            if (text.Contains("\\u", StringComparison.Ordinal))
            {
                _ = node?.ToJsonString();
            }

            return node;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
