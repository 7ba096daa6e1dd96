using System.Data.Common;
using KernelCI.Data;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>Holds the node table's write lock from another connection, so that creates queue up behind the first
/// one and the next group write is known to take all of them.</summary>
internal sealed class WriteBlocker : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    private WriteBlocker(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<WriteBlocker> HoldAsync(Database database)
    {
        var connection = await database.OpenConnectionAsync();
        // SQLite: BEGIN IMMEDIATE takes the database's write lock. PostgreSQL: EXCLUSIVE lets readers through (the
        // parent check) but blocks INSERT.
        var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = database.Kind == DatabaseKind.PostgreSql
            ? "LOCK TABLE maestro_nodes IN EXCLUSIVE MODE"
            : "INSERT INTO maestro_groups (id, name) VALUES ('blocker', 'blocker')";
        await command.ExecuteNonQueryAsync();
        return new WriteBlocker(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
