using System.Text.Json;
using KernelCI.Data;
using Microsoft.Data.Sqlite;

namespace KernelCI.Kcidb.Store;

/// <summary>SQLite: one prepared upsert per table, rebound for every row (<see cref="SqliteKcidbWriter"/>).</summary>
internal sealed class SqliteKcidbStore(Database database, TimeProvider timeProvider, bool aggregates) : IKcidbStore
{
    public async Task IngestAsync(IReadOnlyList<AcceptedSubmission> submissions, CancellationToken cancellationToken) =>
        await ((IKcidbStore)this).IngestAsync(JsonIngestBatch.From(submissions), cancellationToken);

    async Task IKcidbStore.IngestAsync(JsonIngestBatch batch, CancellationToken cancellationToken)
    {
        await using var writer = await SqliteKcidbWriter.OpenAsync(database, timeProvider, backgroundCheckpoints: null, aggregates, cancellationToken);
        await writer.WriteAsync(batch, cancellationToken);
        await writer.CommitAsync(cancellationToken);
    }

    void IKcidbStore.Prepare(JsonIngestBatch batch)
    {
        if (aggregates && batch.Tables.FirstOrDefault(t => t.Table == KcidbTables.Tests) is { } tests)
        {
            batch.NewTestDimensions = Aggregates.SqliteNewTestDimensions.Of(tests);
        }
    }

    async Task<IKcidbWriter> IKcidbStore.OpenWriterAsync(CancellationToken cancellationToken) =>
        await SqliteKcidbWriter.OpenAsync(database, timeProvider, SqliteWalPolicy.Default, aggregates, cancellationToken);

    public async Task<IReadOnlySet<string>> FindIngestedAsync(IReadOnlyCollection<string> submissionIds, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (submissionIds.Count == 0)
        {
            return found;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM kcidb_submissions WHERE id IN (SELECT value FROM json_each(@ids))";
        command.AddParameter("ids", JsonSerializer.Serialize(submissionIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }
}
