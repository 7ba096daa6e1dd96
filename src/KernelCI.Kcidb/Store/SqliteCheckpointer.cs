using System.Threading.Channels;
using KernelCI.Data;
using Microsoft.Data.Sqlite;

namespace KernelCI.Kcidb.Store;

/// <summary>
/// Copies the ingester's committed WAL frames into the database file on a connection and thread of its own, so the
/// single writer, the critical path of ingestion, does not stop to checkpoint: about a third of the bytes it would
/// otherwise write. A passive checkpoint never blocks the writer or readers.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _loop;

    // SQLite refuses a second checkpoint while one runs, without waiting (the busy handler is not called for it), so
    // the writer's restart and the passive copies take turns here.
    private readonly SemaphoreSlim _turn = new(1, 1);

    private SqliteCheckpointer(SqliteConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(LoopAsync);
    }

    public static async Task<SqliteCheckpointer> StartAsync(Database database, CancellationToken cancellationToken) =>
        new((SqliteConnection)await database.OpenConnectionAsync(cancellationToken));

    /// <summary>Asks for a checkpoint of what is committed; asks made during a checkpoint are covered by the next one.</summary>
    public void Request() => _commits.Writer.TryWrite(true);

    /// <summary>Runs the writer's own checkpoint once no passive copy is running.</summary>
    public T RunAlone<T>(Func<T> checkpoint)
    {
        _turn.Wait();
        try
        {
            return checkpoint();
        }
        finally
        {
            _turn.Release();
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
