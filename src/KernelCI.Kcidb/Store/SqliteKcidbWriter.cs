using System.Text.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KernelCI.Kcidb.Store;

/// <summary>One connection kept for the writer's life, with a transaction that spans batches until committed. Keeping
/// the connection also keeps its page cache: SQLite empties a connection's cache when another one has written.</summary>
internal sealed class SqliteKcidbWriter : IKcidbWriter
{
    // Checkpointing less often writes a hot index page once per checkpoint instead of once per few batches.
    private const int AutocheckpointPages = 16384;

    // Ahead of the uploads and checking that share the cores with it, without starving them: each nice step is about
    // 1.25 times the CPU share.
    private const int WriterNice = -5;

    private static readonly string BeforeSql = SqliteAggregateCapture.BeforeSql + "\n" + IssueAggregate.SqliteBeforeSql;

    private static readonly string AfterAggregatesSql = SqliteAggregateCapture.AfterSql + "\n" + IssueAggregate.SqliteAfterSql + "\n"
        + AggregateMaintenance.AfterWriteSql(DatabaseKind.Sqlite);

    // The issue listing's stamp, before the capture is cleared (IssueListingStamp).
    private static readonly string AfterSql = AfterAggregatesSql + "\n" + IssueListingStamp.SqliteBatchSql(writesIssues: false) + ";";

    private static readonly string AfterWithIssuesSql = AfterAggregatesSql + "\n" + IssueListingStamp.SqliteBatchSql(writesIssues: true) + ";";

    private static readonly string ClearSql = SqliteAggregateCapture.ClearSql + "\n" + IssueAggregate.SqliteClearSql;

    private const string TouchedSql = "SELECT DISTINCT checkout_id FROM temp.kcidb_agg_cs WHERE checkout_id IS NOT NULL";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly SqliteCheckpointer? _checkpointer;
    private readonly PriorityThread? _thread;
    private readonly bool _aggregates;
    private readonly CheckoutChanges _changes;

    // The checkouts the open transaction's batches touched, announced once it commits.
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    private SqliteKcidbWriter(SqliteConnection connection, TimeProvider timeProvider, SqliteCheckpointer? checkpointer, bool aggregates,
        CheckoutChanges changes)
    {
        _connection = connection;
        _changes = changes;
        _timeProvider = timeProvider;
        _checkpointer = checkpointer;
        _aggregates = aggregates;
        // Only the ingester's long-lived writer (the one with background checkpoints) is worth a thread of its own.
        _thread = checkpointer is null ? null : new PriorityThread("kcidb-writer", WriterNice);
    }

    /// <summary>With a <paramref name="backgroundCheckpoints"/> policy, a <see cref="SqliteCheckpointer"/> copies the WAL
    /// into the database while this writer goes on; without, SQLite checkpoints in the commit that crosses its limit.
    /// With <paramref name="aggregates"/>, each batch also updates the dashboard's aggregates in its transaction
    /// (<see cref="AggregateMaintenance"/>).</summary>
    public static async Task<SqliteKcidbWriter> OpenAsync(
        Database database, TimeProvider timeProvider, SqliteWalPolicy? backgroundCheckpoints, bool aggregates, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var cache = connection.CreateCommand();
            // Millions of tests make indexes far larger than the shared 64 MiB default; B-tree pages that fall out of the
            // cache cost a read per insert. The ingesting connection keeps a larger one, within the server's 1 GiB budget.
            cache.CommandText = $"PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = {(backgroundCheckpoints is null ? AutocheckpointPages : 0)}";
            await cache.ExecuteNonQueryAsync(cancellationToken);
            if (aggregates)
            {
                await using var capture = connection.CreateCommand();
                capture.CommandText = SqliteAggregateCapture.CreateSql + "\n" + IssueAggregate.CreateSql(DatabaseKind.Sqlite);
                await capture.ExecuteNonQueryAsync(cancellationToken);
            }

            var checkpointer = backgroundCheckpoints is null ? null : await SqliteCheckpointer.StartAsync(database, backgroundCheckpoints, cancellationToken);
            return new SqliteKcidbWriter(connection, timeProvider, checkpointer, aggregates, CheckoutChanges.For(database));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task WriteAsync(JsonIngestBatch batch, CancellationToken cancellationToken) =>
        Run(() => Write(batch, cancellationToken));

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Run(Commit);
        if (_touched.Count > 0)
        {
            var touched = _touched.ToArray();
            _touched.Clear();
            _changes.Publish(touched);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Run(Rollback);
            _thread?.Dispose();

            if (_checkpointer is not null)
            {
                await _checkpointer.DisposeAsync();
                // The connection goes back to the pool: whoever writes on it next checkpoints as SQLite does by default.
                await using var autocheckpoint = _connection.CreateCommand();
                autocheckpoint.CommandText = "PRAGMA wal_autocheckpoint = 1000";
                await autocheckpoint.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    // Synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O, and a Task per row would cost more than the
    // insert. The whole write runs on the priority thread when there is one.
    private void Write(JsonIngestBatch batch, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (_transaction is null)
        {
            _checkpointer?.RestartIfFull(_connection);
            _transaction = _connection.BeginTransaction();
        }

        using var capture = _aggregates ? Capture(batch) : null;
        if (capture is not null)
        {
            capture.CommandText = BeforeSql;
            capture.ExecuteNonQuery();
            AddNewTests(batch);
        }

        foreach (var rows in batch.Tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Upsert(rows, now);
        }

        if (capture is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            capture.CommandText = batch.Tables.Any(t => t.Table == KcidbTables.Issues) ? AfterWithIssuesSql : AfterSql;
            capture.ExecuteNonQuery();
            capture.CommandText = TouchedSql;
            using (var reader = capture.ExecuteReader())
            {
                while (reader.Read())
                {
                    _touched.Add(reader.GetString(0));
                }
            }

            capture.CommandText = ClearSql;
            capture.ExecuteNonQuery();
        }
        else
        {
            ReadTouchedWithoutAggregates(batch);
        }

        using var record = _connection.CreateCommand();
        record.Transaction = _transaction;
        record.CommandText = "INSERT INTO kcidb_submissions (id, ingested_at) VALUES (@id, @now) ON CONFLICT (id) DO NOTHING";
        var id = record.Parameters.Add("@id", SqliteType.Text);
        record.Parameters.AddWithValue("@now", KcidbTimestamp.Format(now));
        foreach (var submissionId in batch.SubmissionIds)
        {
            id.Value = submissionId;
            record.ExecuteNonQuery();
        }
    }

    private void ReadTouchedWithoutAggregates(JsonIngestBatch batch)
    {
        using var read = _connection.CreateCommand();
        read.Transaction = _transaction;
        read.CommandText = BatchCheckouts.Sql(DatabaseKind.Sqlite);
        read.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(BatchCheckouts.BuildIds(batch)));
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            _touched.Add(reader.GetString(0));
        }
    }

    private void Commit()
    {
        if (_transaction is { } transaction)
        {
            _transaction = null;
            using (transaction)
            {
                transaction.Commit();
            }

            _checkpointer?.Appended(_connection);
        }
    }

    private void Rollback()
    {
        _touched.Clear();
        if (_transaction is { } transaction)
        {
            _transaction = null;
            transaction.Dispose();
        }
    }

    // The dimensions of the tests the batch creates, from their submitted values (SqliteNewTestDimensions, computed by
    // the ingester while the previous batch loaded when it could); those it declines are read back after the upserts
    // with the tests that existed.
    private void AddNewTests(JsonIngestBatch batch)
    {
        var rows = batch.Tables.FirstOrDefault(t => t.Table == KcidbTables.Tests);
        if (rows is null)
        {
            return;
        }

        var dimensions = batch.NewTestDimensions ?? SqliteNewTestDimensions.Of(rows);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        using (var read = _connection.CreateCommand())
        {
            read.Transaction = _transaction;
            read.CommandText = SqliteAggregateCapture.ExistingTestsSql;
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        using (var readBack = _connection.CreateCommand())
        {
            readBack.Transaction = _transaction;
            readBack.CommandText = SqliteAggregateCapture.ReadBackSql;
            var id = readBack.Parameters.Add("@id", SqliteType.Text);
            foreach (var declined in dimensions.DeclinedWithout(existing))
            {
                id.Value = declined;
                readBack.ExecuteNonQuery();
            }
        }

        // One prepared statement stepped through SQLite's own API, as SqliteRowWriter does: a batch has about one key per
        // two new tests, and a Microsoft.Data.Sqlite command per key cost more than the read-back it replaces.
        var db = _connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, SqliteAggregateCapture.AddSql, out var add));
        using (add)
        {
            foreach (var (key, count) in dimensions.CountsWithout(existing))
            {
                raw.sqlite3_bind_text(add, 1, key.BuildId);
                raw.sqlite3_bind_text(add, 2, key.Origin);
                raw.sqlite3_bind_int64(add, 3, key.IsBoot);
                raw.sqlite3_bind_text(add, 4, key.PathGroup);
                raw.sqlite3_bind_text(add, 5, key.Platform);
                raw.sqlite3_bind_text(add, 6, key.Compatibles);
                raw.sqlite3_bind_text(add, 7, key.Lab);
                raw.sqlite3_bind_text(add, 8, key.Status);
                raw.sqlite3_bind_int64(add, 9, count);
                var result = raw.sqlite3_step(add);
                raw.sqlite3_reset(add);
                if (result != raw.SQLITE_DONE)
                {
                    Check(db, result);
                }
            }
        }
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
        }
    }

    // The batch's ids as JSON arrays for the capture's json_each: each id's raw JSON text as sent.
    private SqliteCommand Capture(JsonIngestBatch batch)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.Parameters.AddWithValue("@tests", IdArray(batch, KcidbTables.Tests));
        command.Parameters.AddWithValue("@builds", IdArray(batch, KcidbTables.Builds));
        command.Parameters.AddWithValue("@checkouts", IdArray(batch, KcidbTables.Checkouts));
        command.Parameters.AddWithValue("@incidents", IdArray(batch, KcidbTables.Incidents));
        return command;
    }

    private static string IdArray(JsonIngestBatch batch, KcidbTable table)
    {
        var rows = batch.Tables.FirstOrDefault(t => t.Table == table);
        if (rows is null)
        {
            return "[]";
        }

        var id = table.Columns.Select(c => c.Name).ToList().IndexOf("id");
        var text = new System.Text.StringBuilder(rows.Count * 40).Append('[');
        foreach (var row in rows.Sorted())
        {
            text.Append(text.Length > 1 ? "," : "").Append(row[id].GetRawText());
        }

        return text.Append(']').ToString();
    }

    private Task Run(Action work)
    {
        if (_thread is not null)
        {
            return _thread.RunAsync(work);
        }

        work();
        return Task.CompletedTask;
    }

    private void Upsert(JsonTableRows rows, DateTime now)
    {
        using var writer = new SqliteRowWriter(_connection, rows.Table, now);
        foreach (var row in rows.Sorted())
        {
            writer.Write(row);
        }
    }
}
