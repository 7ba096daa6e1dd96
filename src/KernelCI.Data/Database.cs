using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KernelCI.Data;

/// <summary>One database per deployment: the embedded SQLite file or a PostgreSQL server.</summary>
public sealed class Database : IAsyncDisposable
{
    private Database(DatabaseKind kind, string connectionString, DbDataSource dataSource)
    {
        Kind = kind;
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public DatabaseKind Kind { get; }

    public string ConnectionString { get; }

    public DbDataSource DataSource { get; }

    public NpgsqlDataSource PostgreSql => DataSource as NpgsqlDataSource
        ?? throw new InvalidOperationException("The database is not PostgreSQL.");

    /// <summary>A PostgreSQL connection string ("Host=…") or a SQLite one ("Data Source=…"), told apart by their keys.</summary>
    public static Database Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (LooksLikeSqlite(connectionString))
        {
            var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
            return new Database(DatabaseKind.Sqlite, builder.ToString(), new SqliteDataSource(builder.ToString()));
        }

        var npgsql = new NpgsqlDataSourceBuilder(connectionString);
        return new Database(DatabaseKind.PostgreSql, connectionString, npgsql.Build());
    }

    public static Database OpenSqliteFile(string path) => Open($"Data Source={path}");

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        if (Kind == DatabaseKind.Sqlite)
        {
            await SqliteTuning.ApplyAsync(connection, cancellationToken);
        }

        return connection;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private static bool LooksLikeSqlite(string connectionString)
    {
        var trimmed = connectionString.TrimStart();
        return trimmed.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("DataSource=", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("Filename=", StringComparison.OrdinalIgnoreCase);
    }
}
