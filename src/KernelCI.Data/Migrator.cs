using System.Data.Common;

namespace KernelCI.Data;

/// <summary>Applies each component's migrations once, in order, recording them in schema_migrations.</summary>
public static class Migrator
{
    // Several replicas may start at once against one PostgreSQL; the advisory lock makes them take turns.
    private const long PostgreSqlLockKey = 0x4B43494D49475254;

    public static async Task ApplyAsync(Database database, IEnumerable<Migration> migrations, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database.Kind == DatabaseKind.PostgreSql)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgreSqlLockKey})", cancellationToken);
        }

        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (component, version))",
                cancellationToken);
            foreach (var migration in migrations.OrderBy(m => m.Component, StringComparer.Ordinal).ThenBy(m => m.Version))
            {
                await ApplyOneAsync(database, connection, migration, cancellationToken);
            }
        }
        finally
        {
            if (database.Kind == DatabaseKind.PostgreSql)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgreSqlLockKey})", CancellationToken.None);
            }
        }
    }

    private static async Task ApplyOneAsync(Database database, DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE component = @c AND version = @v";
            check.AddParameter("c", migration.Component);
            check.AddParameter("v", migration.Version);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return;
            }
        }

        await ExecuteAsync(connection, transaction, migration.SqlFor(database.Kind), cancellationToken);
        await using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (component, version, name) VALUES (@c, @v, @n)";
            record.AddParameter("c", migration.Component);
            record.AddParameter("v", migration.Version);
            record.AddParameter("n", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
