using System.Data.Common;
using System.Text.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Dashboard.Data;

/// <summary>SQLite: JSON as text read with json_extract, timestamps as INTEGER microseconds (KcidbSqliteSchema).</summary>
internal sealed class SqliteDashboardSql : DashboardSql
{
    public override string JsonText(string column, string key) => $"CAST(json_extract({column}, '$.{key}') AS TEXT)";

    public override string JsonString(string column, string key) =>
        $"CASE WHEN json_type({column}, '$.{key}') = 'text' THEN json_extract({column}, '$.{key}') END";

    public override string JsonObjectText(string column) => $"CASE WHEN json_type({column}) = 'object' THEN {column} END";

    public override string Status(string column) => column;

    public override string ArrayContains(string column, string parameter) =>
        $"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value = @{parameter})";

    public override void AddTime(DbCommand command, string name, DateTimeOffset time) =>
        command.AddParameter(name, KcidbTimestamp.ToMicroseconds(time.UtcDateTime));

    public override DateTimeOffset? ReadTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(KcidbTimestamp.FromMicroseconds(reader.GetInt64(ordinal)));

    public override string[]? ReadStrings(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal));
}
