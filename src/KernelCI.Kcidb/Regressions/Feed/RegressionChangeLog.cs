using System.Data.Common;
using KernelCI.Data;

namespace KernelCI.Kcidb.Regressions.Feed;

/// <summary>Appends to <c>kcidb_regression_changes</c> within one transaction. On PostgreSQL a sequence hands out numbers
/// when rows are inserted, not when they commit, so two writers could commit 8 after a reader already read past it at 9;
/// the first change of a transaction therefore takes a transaction-scoped advisory lock, and changes commit in number
/// order. SQLite has one writer at a time already.</summary>
internal sealed class RegressionChangeLog(Database database, DbConnection connection, DbTransaction transaction)
{
    // Any constant: the lock names the feed, not a row.
    private const long AdvisoryLock = 0x6b63696462_12;

    public int Count { get; private set; }

    public Task AddAsync(string regressionId, CancellationToken cancellationToken) => AddManyAsync([regressionId], cancellationToken);

    /// <summary>The changes in list order (their numbers ascending), in multi-row INSERTs of
    /// <see cref="RegressionStore.Chunk"/> rows.</summary>
    public async Task AddManyAsync(IReadOnlyList<string> regressionIds, CancellationToken cancellationToken)
    {
        if (regressionIds.Count == 0)
        {
            return;
        }

        if (Count == 0 && database.Kind == DatabaseKind.PostgreSql)
        {
            await using var lockCommand = connection.CreateCommand();
            lockCommand.Transaction = transaction;
            lockCommand.CommandText = $"SELECT pg_advisory_xact_lock({AdvisoryLock})";
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var ids in regressionIds.Chunk(RegressionStore.Chunk(database)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO kcidb_regression_changes (id) VALUES {string.Join(", ", ids.Select((_, i) => $"(@id{i})"))}";
            for (var i = 0; i < ids.Length; i++)
            {
                command.AddParameter("id" + i, ids[i]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            Count += ids.Length;
        }
    }
}
