using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace KernelCI.Kcidb.Store;

/// <summary>Binary COPY of one table's rows into a temporary table that lives until the transaction ends.
/// Enum columns are staged as TEXT and integers as BIGINT, so a bad value fails in the INSERT with a database error.</summary>
internal static class PostgreSqlStaging
{
    public static string TableName(KcidbTable table) => "kcidb_stage_" + table.Name;

    public static string CreateSql(KcidbTable table) =>
        $"CREATE TEMPORARY TABLE {TableName(table)} (\n    " +
        string.Join(",\n    ", table.Columns.Select(c => $"{c.Name} {StagingType(c.Kind)}")) +
        "\n) ON COMMIT DROP";

    public static async Task CopyAsync(NpgsqlConnection connection, JsonTableRows rows, CancellationToken cancellationToken)
    {
        var table = rows.Table;
        var kinds = table.Columns.Select(c => c.Kind).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {TableName(table)} ({UpsertSql.ColumnList(table)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows.Sorted())
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteRow(importer, kinds, row);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    // Synchronous on purpose: the importer only blocks when its buffer fills, and an awaited call per value (20 per test,
    // millions of tests) costs more than the value itself.
    private static void WriteRow(NpgsqlBinaryImporter importer, ColumnKind[] kinds, JsonElement[] row)
    {
        importer.StartRow();
        for (var i = 0; i < kinds.Length; i++)
        {
            try
            {
                Write(importer, kinds[i], row[i]);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException or InvalidOperationException)
            {
                throw new KcidbDataException($"{row[0]}: {e.Message}", e);
            }
        }
    }

    private static void Write(NpgsqlBinaryImporter importer, ColumnKind kind, JsonElement value)
    {
        if (JsonRowMapper.IsAbsent(value))
        {
            importer.WriteNull();
            return;
        }

        switch (kind)
        {
            case ColumnKind.Bool:
                importer.Write(value.GetBoolean(), NpgsqlDbType.Boolean);
                break;
            case ColumnKind.Float:
                importer.Write(value.GetDouble(), NpgsqlDbType.Double);
                break;
            case ColumnKind.Integer:
                importer.Write(value.GetInt64(), NpgsqlDbType.Bigint);
                break;
            case ColumnKind.Timestamp:
                importer.Write(KcidbTimestamp.Parse(value), NpgsqlDbType.TimestampTz);
                break;
            case ColumnKind.Json:
                importer.Write(value.GetRawText(), NpgsqlDbType.Jsonb);
                break;
            case ColumnKind.TextArray:
                importer.Write(TextArray(value), NpgsqlDbType.Array | NpgsqlDbType.Text);
                break;
            default:
                importer.Write(value.GetString()!, NpgsqlDbType.Text);
                break;
        }
    }

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

    private static string StagingType(ColumnKind kind) => kind switch
    {
        ColumnKind.Bool => "BOOLEAN",
        ColumnKind.Float => "DOUBLE PRECISION",
        ColumnKind.Integer => "BIGINT",
        ColumnKind.Timestamp => "TIMESTAMP WITH TIME ZONE",
        ColumnKind.Json => "JSONB",
        ColumnKind.TextArray => "TEXT[]",
        _ => "TEXT",
    };
}
