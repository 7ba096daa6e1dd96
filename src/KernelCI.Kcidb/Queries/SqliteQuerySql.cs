using System.Data.Common;
using System.Text.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Queries;

internal sealed class SqliteQuerySql : QuerySql
{
    public override string InIds(string column, string parameter) =>
        $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    public override string InPairs(string idColumn, string versionColumn, string parameter) =>
        $"({idColumn}, {versionColumn}) IN (SELECT value ->> 0, value ->> 1 FROM json_each(@{parameter}))";

    public override string InSubquery(string column, string subquery) => $"{column} IN ({subquery})";

    public override void AddIds(DbCommand command, string name, IEnumerable<string> ids) =>
        command.AddParameter(name, JsonSerializer.Serialize(ids));

    public override void AddPairs(DbCommand command, string name, IEnumerable<(string Id, long Version)> pairs) =>
        command.AddParameter(name, JsonSerializer.Serialize(pairs.Select(p => new object[] { p.Id, p.Version })));

    public override void AddTimestamp(DbCommand command, string name, DateTime utc) =>
        command.AddParameter(name, KcidbTimestamp.ToMicroseconds(utc));

    public override string Select(KcidbColumn column) => column.Name;

    // SQLite sorts NULL lowest, so DESC already puts it last and matches the (start_time DESC, id) indexes.
    public override string NewestFirst(string column) => column + " DESC";

    public override string EnumAsText(string expression) => expression;

    public override string Enum(string parameter) => parameter;

    public override object? Read(DbDataReader reader, int ordinal, ColumnKind kind)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return kind switch
        {
            ColumnKind.Bool => reader.GetInt64(ordinal) != 0,
            ColumnKind.Float => reader.GetDouble(ordinal),
            ColumnKind.Integer => reader.GetInt64(ordinal),
            ColumnKind.Timestamp => KcidbTimestamp.Format(KcidbTimestamp.FromMicroseconds(reader.GetInt64(ordinal))),
            _ => reader.GetString(ordinal),
        };
    }
}
