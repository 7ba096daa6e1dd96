using System.Data.Common;
using KernelCI.Kcidb.Store;
using Npgsql;
using NpgsqlTypes;

namespace KernelCI.Kcidb.Queries;

internal sealed class PostgreSqlQuerySql : QuerySql
{
    public override string InIds(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public override string InPairs(string idColumn, string versionColumn, string parameter) =>
        $"({idColumn}, {versionColumn}) IN (SELECT * FROM unnest(@{parameter}_ids, @{parameter}_versions))";

    // The subquery's values become one array parameter, so the planner probes the index for each instead of joining: a
    // join right after a bulk load, before autoanalyze has counted the rows, is planned as a scan of the whole table.
    public override string InSubquery(string column, string subquery) => $"{column} = ANY(ARRAY({subquery}))";

    public override void AddIds(DbCommand command, string name, IEnumerable<string> ids) =>
        command.Parameters.Add(new NpgsqlParameter<string[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. ids] });

    public override void AddPairs(DbCommand command, string name, IEnumerable<(string Id, long Version)> pairs)
    {
        var list = pairs.ToList();
        command.Parameters.Add(new NpgsqlParameter<string[]>(name + "_ids", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = [.. list.Select(p => p.Id)],
        });
        command.Parameters.Add(new NpgsqlParameter<long[]>(name + "_versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            TypedValue = [.. list.Select(p => p.Version)],
        });
    }

    public override void AddTimestamp(DbCommand command, string name, DateTime utc) =>
        command.Parameters.Add(new NpgsqlParameter<DateTime>(name, NpgsqlDbType.TimestampTz) { TypedValue = utc });

    // Enums come back as text so no type mapping is needed; JSONB reads as its text.
    public override string Select(KcidbColumn column) =>
        column.Kind == ColumnKind.EnumText ? $"{EnumAsText(column.Name)} AS {column.Name}" : column.Name;

    public override string NewestFirst(string column) => column + " DESC NULLS LAST";

    public override string EnumAsText(string expression) => expression + "::TEXT";

    public override string Enum(string parameter) => $"CAST({parameter} AS STATUS)";

    public override object? Read(DbDataReader reader, int ordinal, ColumnKind kind)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return kind switch
        {
            ColumnKind.Bool => reader.GetBoolean(ordinal),
            ColumnKind.Float => reader.GetDouble(ordinal),
            ColumnKind.Integer => (long)reader.GetInt32(ordinal),
            ColumnKind.Timestamp => KcidbTimestamp.Format(reader.GetFieldValue<DateTime>(ordinal)),
            ColumnKind.TextArray => reader.GetFieldValue<string[]>(ordinal),
            _ => reader.GetString(ordinal),
        };
    }
}
