using KernelCI.Data;
using KernelCI.Kcidb.Store;
using Microsoft.Data.Sqlite;

namespace KernelCI.Kcidb.Tests.Store;

public sealed class SqliteFileTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kernelci-kcidb-file-").FullName;

    [Fact]
    public async Task Open_on_a_fresh_data_folder_creates_kcidb_db_with_16_KiB_pages_in_WAL_mode()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var shared = Database.OpenSqliteFile(Path.Combine(_dataDirectory, "kernelci.db"));

        await using var kcidb = await KcidbSqliteFile.OpenAsync(_dataDirectory, shared, cancellation);
        await Migrator.ApplyAsync(kcidb, KcidbMigrations.All, cancellation);

        Assert.NotSame(shared, kcidb);
        Assert.Equal(Path.Combine(_dataDirectory, "kcidb.db"), new SqliteConnectionStringBuilder(kcidb.ConnectionString).DataSource);
        Assert.Equal(16384L, await ScalarAsync(kcidb, "PRAGMA page_size"));
        Assert.Equal("wal", await ScalarAsync(kcidb, "PRAGMA journal_mode"));
        Assert.Equal(0L, await ScalarAsync(shared, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'kcidb_submissions'"));
    }

    [Fact]
    public async Task Open_makes_kcidb_db_readable_by_its_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        await using var shared = Database.OpenSqliteFile(Path.Combine(_dataDirectory, "kernelci.db"));

        await using var kcidb = await KcidbSqliteFile.OpenAsync(_dataDirectory, shared, TestContext.Current.CancellationToken);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dataDirectory, "kcidb.db")));
    }

    [Fact]
    public async Task Open_where_kernelci_db_already_holds_kcidb_keeps_using_the_shared_database()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var shared = Database.OpenSqliteFile(Path.Combine(_dataDirectory, "kernelci.db"));
        await Migrator.ApplyAsync(shared, KcidbMigrations.All, cancellation);

        var kcidb = await KcidbSqliteFile.OpenAsync(_dataDirectory, shared, cancellation);

        Assert.Same(shared, kcidb);
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "kcidb.db")));
    }

    [Fact]
    public async Task Open_again_reopens_the_existing_kcidb_db_with_its_rows()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var shared = Database.OpenSqliteFile(Path.Combine(_dataDirectory, "kernelci.db"));
        await using (var first = await KcidbSqliteFile.OpenAsync(_dataDirectory, shared, cancellation))
        {
            await Migrator.ApplyAsync(first, KcidbMigrations.All, cancellation);
            await ScalarAsync(first, "INSERT INTO kcidb_submissions (id, ingested_at) VALUES ('s1', '2026-11-24T00:00:00Z')");
        }

        await using var second = await KcidbSqliteFile.OpenAsync(_dataDirectory, shared, cancellation);

        Assert.Equal(1L, await ScalarAsync(second, "SELECT COUNT(*) FROM kcidb_submissions WHERE id = 's1'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task<object?> ScalarAsync(Database database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
