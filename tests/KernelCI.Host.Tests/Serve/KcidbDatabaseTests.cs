using KernelCI.Client.Kcidb;
using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Host.Serve;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Submissions;
using KernelCI.Testing;
using Microsoft.Data.Sqlite;

namespace KernelCI.Host.Tests.Serve;

/// <summary>Where `serve` puts KCIDB's tables: its own SQLite file on the embedded default, the one database otherwise.</summary>
public sealed class KcidbDatabaseTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kernelci-serve-kcidb-").FullName;

    [Fact]
    public async Task Serve_on_the_embedded_default_puts_kcidb_in_its_own_file_and_maestro_in_kernelci_db()
    {
        await using (await StartAsync(null))
        {
        }

        Assert.Equal(1L, await CountTablesAsync("kcidb.db", "kcidb_submissions"));
        Assert.Equal(0L, await CountTablesAsync("kcidb.db", "maestro_nodes"));
        Assert.Equal(0L, await CountTablesAsync("kernelci.db", "kcidb_submissions"));
        Assert.Equal(1L, await CountTablesAsync("kernelci.db", "maestro_nodes"));
    }

    [Fact]
    public async Task Serve_on_the_embedded_default_answers_kcidb_queries_from_kcidb_db()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var basePort = FreePort.BasePort();
        await using var deployment = await StartAsync(null, basePort);
        var secret = new SecretStore(_dataDirectory).Get(SubmissionAuthenticator.SecretName);
        var token = SubmissionAuthenticator.IssueToken(secret, "acme", admin: false, DateTimeOffset.UtcNow.AddHours(1));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort + 3}/") };
        var client = new KcidbClient(http, token);

        var reply = await client.SubmitAsync(new MemoryStream("""
            {"version":{"major":5,"minor":3},"checkouts":[{"id":"acme:1","origin":"acme","tree_name":"mainline"}]}
            """u8.ToArray()), cancellation);
        Assert.Equal("processed", (await client.WaitAsync(reply.Id, TimeSpan.FromMilliseconds(20), cancellationToken: cancellation)).Status);
        var answer = await http.GetStringAsync("api/query?checkout=acme:1", cancellation);

        Assert.Contains("mainline", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_on_a_data_folder_whose_kernelci_db_holds_kcidb_keeps_it_there()
    {
        await using (var old = Database.OpenSqliteFile(Path.Combine(_dataDirectory, "kernelci.db")))
        {
            await Migrator.ApplyAsync(old, KcidbMigrations.All, TestContext.Current.CancellationToken);
        }

        await using (await StartAsync(null))
        {
        }

        Assert.False(File.Exists(Path.Combine(_dataDirectory, "kcidb.db")));
        Assert.Equal(1L, await CountTablesAsync("kernelci.db", "kcidb_submissions"));
    }

    [Fact]
    public async Task Serve_on_postgresql_keeps_kcidb_in_the_one_database()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);

        await using (await StartAsync(database.Database.ConnectionString))
        {
        }

        Assert.False(File.Exists(Path.Combine(_dataDirectory, "kcidb.db")));
        await using var command = database.Database.PostgreSql.CreateCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN ('kcidb_submissions', 'maestro_nodes')");
        Assert.Equal(2L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task<RunningDeployment> StartAsync(string? database, int? basePort = null)
    {
        var console = new TestConsole();
        var settings = new ServeSettings(_dataDirectory, database, null, "127.0.0.1", basePort ?? FreePort.BasePort(), ["maestro", "kcidb"]);
        return await new ServeHost(console).StartAsync(settings, TestContext.Current.CancellationToken);
    }

    private async Task<long> CountTablesAsync(string file, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, file)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";
        command.Parameters.AddWithValue("@name", table);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
