using KernelCI.Data;
using Microsoft.Data.Sqlite;

namespace KernelCI.Kcidb.Store;

/// <summary>One connection kept for the writer's life, with a transaction that spans batches until committed. Keeping
/// the connection also keeps its page cache: SQLite empties a connection's cache when another one has written.</summary>
internal sealed class SqliteKcidbWriter : IKcidbWriter
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _timeProvider;
    private SqliteTransaction? _transaction;

    private SqliteKcidbWriter(SqliteConnection connection, TimeProvider timeProvider)
    {
        _connection = connection;
        _timeProvider = timeProvider;
    }

    public static async Task<SqliteKcidbWriter> OpenAsync(Database database, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var cache = connection.CreateCommand();
            // Millions of tests make indexes far larger than the shared 64 MiB default; B-tree pages that fall out of the
            // cache cost a read per insert. The ingesting connection keeps a larger one, within the server's 1 GiB budget.
            // Checkpointing less often writes a hot index page once per checkpoint instead of once per few batches.
            cache.CommandText = "PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 16384";
            await cache.ExecuteNonQueryAsync(cancellationToken);
            return new SqliteKcidbWriter(connection, timeProvider);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task WriteAsync(JsonIngestBatch batch, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        _transaction ??= (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        foreach (var rows in batch.Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Upsert(rows, now);
        }

        await using var record = _connection.CreateCommand();
        record.Transaction = _transaction;
        record.CommandText = "INSERT INTO kcidb_submissions (id, ingested_at) VALUES (@id, @now) ON CONFLICT (id) DO NOTHING";
        var id = record.Parameters.Add("@id", SqliteType.Text);
        record.Parameters.AddWithValue("@now", KcidbTimestamp.Format(now));
        foreach (var submissionId in batch.SubmissionIds)
        {
            id.Value = submissionId;
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is { } transaction)
        {
            _transaction = null;
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is { } transaction)
        {
            _transaction = null;
            await transaction.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    // Synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O, and a Task per row would cost more than the insert.
    private void Upsert(JsonTableRows rows, DateTime now)
    {
        using var writer = new SqliteRowWriter(_connection, rows.Table, now);
        foreach (var row in rows.Sorted())
        {
            writer.Write(row);
        }
    }
}
