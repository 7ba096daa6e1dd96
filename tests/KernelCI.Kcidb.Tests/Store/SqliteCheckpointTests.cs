using System.Text.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.Testing;
using Microsoft.Data.Sqlite;

namespace KernelCI.Kcidb.Tests.Store;

/// <summary>The ingester's writer leaves checkpoints to a thread of their own, and still keeps the WAL bounded.</summary>
public sealed class SqliteCheckpointTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static JsonIngestBatch Batch(int number, int checkouts)
    {
        var items = string.Join(",", Enumerable.Range(0, checkouts).Select(i =>
            $$"""{"id":"acme:{{number}}-{{i}}","origin":"acme","tree_name":"mainline","comment":"{{new string('x', 500)}}"}"""));
        var document = JsonDocument.Parse($$"""{"version":{"major":5,"minor":3},"checkouts":[{{items}}]}""");
        return JsonIngestBatch.From([new AcceptedSubmission($"s{number}", document.RootElement)]);
    }

    private static string PathOf(Database database) => new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

    [Fact]
    public async Task Committed_rows_reach_the_database_file_without_the_writer_checkpointing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await Migrator.ApplyAsync(database.Database, KcidbMigrations.All, Cancellation);
        var writer = await SqliteKcidbWriter.OpenAsync(database.Database, TimeProvider.System, new SqliteWalPolicy(1, int.MaxValue), aggregates: true, Cancellation);

        await writer.WriteAsync(Batch(1, 200), Cancellation);
        await writer.CommitAsync(Cancellation);
        await writer.DisposeAsync();

        // The main file alone, as a copy without its WAL: only the checkpointer can have put the rows there.
        var copy = PathOf(database.Database) + ".copy";
        File.Copy(PathOf(database.Database), copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM checkouts";
        Assert.Equal(200L, await command.ExecuteScalarAsync(Cancellation));
    }

    [Fact]
    public async Task Wal_starts_over_once_the_writer_has_appended_its_limit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await Migrator.ApplyAsync(database.Database, KcidbMigrations.All, Cancellation);
        var wal = PathOf(database.Database) + "-wal";
        await using var writer = await SqliteKcidbWriter.OpenAsync(database.Database, TimeProvider.System, new SqliteWalPolicy(8, 32), aggregates: true, Cancellation);

        // About 30 pages per transaction: without the restart, 40 of them would grow the WAL past 1,000 pages.
        for (var number = 0; number < 40; number++)
        {
            await writer.WriteAsync(Batch(number, 200), Cancellation);
            await writer.CommitAsync(Cancellation);
        }

        await using var connection = await database.Database.OpenConnectionAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        var pageSize = (long)(await command.ExecuteScalarAsync(Cancellation))!;
        Assert.InRange(new FileInfo(wal).Length / pageSize, 1, 200);
    }
}
