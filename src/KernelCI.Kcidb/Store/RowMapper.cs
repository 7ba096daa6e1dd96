using System.Collections.Frozen;
using System.Text.Json;

namespace KernelCI.Kcidb.Store;

/// <summary>Turns one schema-valid v5.3 object into its row: one value per column, null where the field is absent.</summary>
internal static class RowMapper
{
    private static readonly object True = true;
    private static readonly object False = false;

    public static object?[] ToRow(KcidbTable table, JsonElement item)
    {
        var row = new object?[table.Columns.Length];
        foreach (var property in item.EnumerateObject())
        {
            var name = property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object && table.Nested.TryGetValue(name, out var fields))
            {
                foreach (var nested in property.Value.EnumerateObject())
                {
                    Set(table, row, fields, nested.Name, nested.Value);
                }
            }
            else
            {
                // Submitted metadata (_timestamp) has no column here: the database writes its own.
                Set(table, row, table.Index, name, property.Value);
            }
        }

        if (row[0] is null || (table.IsVersioned && row[1] is null))
        {
            throw new FormatException($"an object in {table.Name} lacks its {string.Join(" or ", table.Key)}");
        }

        return row;
    }

    public static RowKey KeyOf(KcidbTable table, object?[] row) =>
        new((string)row[0]!, table.IsVersioned ? (long)row[1]! : 0);

    private static void Set(KcidbTable table, object?[] row, FrozenDictionary<string, int> columns, string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Null && columns.TryGetValue(name, out var index))
        {
            row[index] = Convert(table.Columns[index].Kind, value);
        }
    }

    private static object Convert(ColumnKind kind, JsonElement value) => kind switch
    {
        ColumnKind.Bool => value.GetBoolean() ? True : False,
        ColumnKind.Float => value.GetDouble(),
        ColumnKind.Integer => value.GetInt64(),
        ColumnKind.Timestamp => KcidbTimestamp.Parse(value.GetString()!),
        ColumnKind.Json => value.GetRawText(),
        ColumnKind.TextArray => TextArray(value),
        _ => value.GetString()!,
    };

    private static string[] TextArray(JsonElement value)
    {
        var items = new string[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            items[i++] = item.GetString()!;
        }

        return items;
    }
}
