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

    public static async Task CopyAsync(NpgsqlConnection connection, TableRows rows, CancellationToken cancellationToken)
    {
        var table = rows.Table;
        var kinds = table.Columns.Select(c => c.Kind).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {TableName(table)} ({UpsertSql.ColumnList(table)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows.Sorted())
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < kinds.Length; i++)
            {
                await WriteAsync(importer, kinds[i], row[i], cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, ColumnKind kind, object? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : kind switch
        {
            ColumnKind.Bool => importer.WriteAsync((bool)value, NpgsqlDbType.Boolean, cancellationToken),
            ColumnKind.Float => importer.WriteAsync((double)value, NpgsqlDbType.Double, cancellationToken),
            ColumnKind.Integer => importer.WriteAsync((long)value, NpgsqlDbType.Bigint, cancellationToken),
            ColumnKind.Timestamp => importer.WriteAsync((DateTime)value, NpgsqlDbType.TimestampTz, cancellationToken),
            ColumnKind.Json => importer.WriteAsync((string)value, NpgsqlDbType.Jsonb, cancellationToken),
            ColumnKind.TextArray => importer.WriteAsync((string[])value, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken),
            _ => importer.WriteAsync((string)value, NpgsqlDbType.Text, cancellationToken),
        };

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
