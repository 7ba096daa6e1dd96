using System.Text.Json;
using KernelCI.Data;
using Microsoft.Data.Sqlite;

namespace KernelCI.Kcidb.Store;

/// <summary>SQLite: one prepared upsert per table, rebound for every row.</summary>
internal sealed class SqliteKcidbStore(Database database, TimeProvider timeProvider) : IKcidbStore
{
    public async Task IngestAsync(IReadOnlyList<AcceptedSubmission> submissions, CancellationToken cancellationToken) =>
        await ((IKcidbStore)this).IngestAsync(JsonIngestBatch.From(submissions), cancellationToken);

    async Task IKcidbStore.IngestAsync(JsonIngestBatch batch, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        await using var connection = (SqliteConnection)await database.OpenConnectionAsync(cancellationToken);
        await using (var cache = connection.CreateCommand())
        {
            // Millions of tests make indexes far larger than the shared 64 MiB default; B-tree pages that fall out of the
            // cache cost a read per insert. The ingesting connection keeps a larger one, within the server's 1 GiB budget.
            // Checkpointing less often writes a hot index page once per checkpoint instead of once per few batches.
            cache.CommandText = "PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 16384";
            await cache.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var rows in batch.Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Upsert(connection, rows, now);
        }

        await using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO kcidb_submissions (id, ingested_at) VALUES (@id, @now) ON CONFLICT (id) DO NOTHING";
            var id = record.Parameters.Add("@id", SqliteType.Text);
            record.Parameters.AddWithValue("@now", KcidbTimestamp.Format(now));
            foreach (var submissionId in batch.SubmissionIds)
            {
                id.Value = submissionId;
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

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

    // Synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O, and a Task per row would cost more than the insert.
    private static void Upsert(SqliteConnection connection, JsonTableRows rows, DateTime now)
    {
        using var writer = new SqliteRowWriter(connection, rows.Table, now);
        foreach (var row in rows.Sorted())
        {
            writer.Write(row);
        }
    }
}
