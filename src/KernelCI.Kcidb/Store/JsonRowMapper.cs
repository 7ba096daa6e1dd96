using System.Collections.Frozen;
using System.Text.Json;

namespace KernelCI.Kcidb.Store;

/// <summary>Turns one schema-valid v5.3 object into its row of JSON values, one per column (default where the field is
/// absent or null), converted only when bound: no string or boxed value is built per field.</summary>
internal static class JsonRowMapper
{
    private static readonly FrozenDictionary<KcidbTable, Utf8FieldMap> Fields =
        KcidbTables.All.ToFrozenDictionary(t => t, Utf8FieldMap.For);

    public static JsonElement[] ToRow(KcidbTable table, JsonElement item)
    {
        var row = new JsonElement[table.Columns.Length];
        Fill(Fields[table], item, row);
        if (IsAbsent(row[0]) || (table.IsVersioned && IsAbsent(row[1])))
        {
            throw new FormatException($"an object in {table.Name} lacks its {string.Join(" or ", table.Key)}");
        }

        return row;
    }

    public static RowKey KeyOf(KcidbTable table, JsonElement[] row) =>
        new(row[0].GetString()!, table.IsVersioned ? row[1].GetInt64() : 0);

    public static bool IsAbsent(JsonElement value) => value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    private static void Fill(Utf8FieldMap fields, JsonElement item, JsonElement[] row)
    {
        foreach (var property in item.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var column = fields.Find(property, out var nested);
            if (column >= 0)
            {
                row[column] = value;
            }
            else if (nested is not null && value.ValueKind == JsonValueKind.Object)
            {
                Fill(nested, value, row);
            }
        }
    }
}
