using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace KernelCI.Dashboard.Data;

/// <summary>PostgreSQL: upstream's schema (JSONB, TEXT[], TIMESTAMPTZ, the STATUS enum).</summary>
internal sealed class PostgreSqlDashboardSql : DashboardSql
{
    public override string JsonText(string column, string key) => $"{column}->>'{key}'";

    public override string JsonString(string column, string key) =>
        $"CASE WHEN jsonb_typeof({column}->'{key}') = 'string' THEN {column}->>'{key}' END";

    public override string JsonObjectText(string column) => $"CASE WHEN jsonb_typeof({column}) = 'object' THEN {column}::text END";

    public override string Status(string column) => column + "::TEXT";

    public override string ArrayContains(string column, string parameter) => $"@{parameter} = ANY({column})";

    public override void AddTime(DbCommand command, string name, DateTimeOffset time) =>
        command.Parameters.Add(new NpgsqlParameter<DateTime>(name, NpgsqlDbType.TimestampTz) { TypedValue = time.UtcDateTime });

    public override DateTimeOffset? ReadTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(ordinal), TimeSpan.Zero);

    public override string[]? ReadStrings(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<string[]>(ordinal);
}
