using KernelCI.Data;
using Npgsql;
using Xunit;

namespace KernelCI.Testing;

/// <summary>A fresh, empty database of the given kind for one test: a temporary SQLite file, or a uniquely named
/// PostgreSQL database on the server named by KERNELCI_TEST_POSTGRES (./test.sh starts one).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "KERNELCI_TEST_POSTGRES";
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresName;

    private TestDatabase(Database database, string? sqliteDirectory, string? postgresName)
    {
        Database = database;
        _sqliteDirectory = sqliteDirectory;
        _postgresName = postgresName;
    }

    public Database Database { get; }

    public static TheoryData<DatabaseKind> Kinds => new(DatabaseKind.Sqlite, DatabaseKind.PostgreSql);

    public static string PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) ?? DefaultPostgres;

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("kernelci-test-").FullName;
            return new TestDatabase(Database.OpenSqliteFile(Path.Combine(directory, "test.db")), directory, null);
        }

        var name = "kernelci_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        return new TestDatabase(Database.Open(builder.ConnectionString), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
