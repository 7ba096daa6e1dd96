using System.Data.Common;

namespace KernelCI.Maestro.Events.Log;

/// <summary>Positions from the current maximum, given while writing: transactions here are BEGIN IMMEDIATE, one writer
/// at a time.</summary>
internal sealed class SqliteEventAppender : EventAppender
{
    public static readonly SqliteEventAppender Instance = new();

    private const string MaxPosition = "SELECT COALESCE(MAX(pos), 0) FROM maestro_events";

    private SqliteEventAppender()
    {
    }

    public override async Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, EventRow row, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) VALUES (({MaxPosition}) + 1, @channel, @owner, @timestamp, @data, @envelope) RETURNING pos",
            row);
        return await ScalarAsync(command, cancellationToken);
    }

    public override async Task AppendManyAsync(DbConnection connection, DbTransaction transaction, SqlText before, IReadOnlyList<EventRow> rows,
        CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, before, cancellationToken);
        await using var max = Sql.Command(connection, transaction, MaxPosition);
        var last = await ScalarAsync(max, cancellationToken);
        var insert = new SqlText();
        Insert(insert, rows, i =>
        {
            insert.Add($"p{i}", last + i + 1);
            return $"@p{i}";
        }, data => data);
        await ExecuteAsync(connection, transaction, insert, cancellationToken);
    }
}
