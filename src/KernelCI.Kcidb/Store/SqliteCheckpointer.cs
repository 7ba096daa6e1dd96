using System.Threading.Channels;
using KernelCI.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KernelCI.Kcidb.Store;

/// <summary>
/// Copies the ingester's committed WAL frames into the database file on a connection and thread of its own, so the
/// single writer, the critical path of ingestion, does not stop to checkpoint: about a third of the bytes it would
/// otherwise write. A passive checkpoint never blocks the writer or readers. The writer tells it what it appended
/// (<see cref="Appended"/>) and lets it start the WAL over (<see cref="RestartIfFull"/>), both on the writer's thread.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteWalPolicy _policy;
    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _loop;

    // SQLite refuses a second checkpoint while one runs, without waiting (the busy handler is not called for it), so
    // the writer's restart and the passive copies take turns here.
    private readonly SemaphoreSlim _turn = new(1, 1);

    // Pages the writer appended to the WAL since it last asked for a checkpoint, and since the WAL last started over.
    private long _pagesSinceCheckpoint;
    private long _pagesSinceRestart;

    private SqliteCheckpointer(SqliteConnection connection, SqliteWalPolicy policy)
    {
        _connection = connection;
        _policy = policy;
        _loop = Task.Run(LoopAsync);
    }

    public static async Task<SqliteCheckpointer> StartAsync(Database database, SqliteWalPolicy policy, CancellationToken cancellationToken) =>
        new((SqliteConnection)await database.OpenConnectionAsync(cancellationToken), policy);

    /// <summary>After the writer's commit: counts the pages it appended to the WAL and asks for a passive copy every
    /// <see cref="SqliteWalPolicy.CheckpointEveryPages"/>; asks made during a copy are covered by the next one.</summary>
    public void Appended(SqliteConnection writer)
    {
        // Pages written out of the writer's cache, all of them WAL frames: a cumulative counter, read and reset.
        raw.sqlite3_db_status(writer.Handle!, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var written, out _, 1);
        _pagesSinceCheckpoint += written;
        _pagesSinceRestart += written;
        if (_pagesSinceCheckpoint >= _policy.CheckpointEveryPages)
        {
            _pagesSinceCheckpoint = 0;
            _commits.Writer.TryWrite(true);
        }
    }

    /// <summary>Before the writer's next transaction. A WAL only starts over from its beginning when a write transaction
    /// begins with every frame copied back, which back-to-back transactions never allow by themselves: past
    /// <see cref="SqliteWalPolicy.RestartAtPages"/> the writer waits for the running copy and copies the rest itself
    /// (RESTART), so the WAL file stays bounded.</summary>
    public void RestartIfFull(SqliteConnection writer)
    {
        if (_pagesSinceRestart < _policy.RestartAtPages)
        {
            return;
        }

        bool busy;
        _turn.Wait();
        try
        {
            using var command = writer.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(RESTART)";
            using var reader = command.ExecuteReader();
            busy = reader.Read() && reader.GetInt64(0) != 0;
        }
        finally
        {
            _turn.Release();
        }

        // Busy: a reader held on past the busy timeout; the next transaction tries again.
        if (!busy)
        {
            _pagesSinceRestart = 0;
            _pagesSinceCheckpoint = 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _commits.Writer.TryComplete();
        await _loop;
        await _connection.DisposeAsync();
        _turn.Dispose();
    }

    private async Task LoopAsync()
    {
        await foreach (var _ in _commits.Reader.ReadAllAsync())
        {
            await _turn.WaitAsync();
            try
            {
                await using var command = _connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync();
            }
            catch (SqliteException)
            {
                // A full disk or the like: the next request tries again, and the writer checkpoints itself once the WAL
                // is over its limit.
            }
            finally
            {
                _turn.Release();
            }
        }
    }
}
