using System.Data.Common;
using KernelCI.Data;
using Microsoft.Data.Sqlite;

namespace KernelCI.Maestro;

/// <summary>Small helpers over ADO.NET so that the stores read as their SQL.</summary>
internal static class Sql
{
    public static async Task<DbConnection> OpenAsync(Database database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        if (connection is SqliteConnection sqlite)
        {
            // SQLite has no REGEXP of its own; `__re` filters need one, and it must not backtrack (FilterPattern).
            sqlite.CreateFunction("regexp", (string pattern, string? input) => FilterPattern.SqliteRegexp(pattern, input));
        }

        return connection;
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<KeyValuePair<string, object?>>? parameters = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? [])
        {
            command.AddParameter(name, value);
        }

        return command;
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Command(connection, transaction, sql, parameters.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)));

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
