using System.Data.Common;

namespace KernelCI.Maestro.Events.Log;

/// <summary>Events written without a position (the EventSequencer gives it after commit), and a group of them in the
/// same round trip as the statements before them.</summary>
internal sealed class PostgreSqlEventAppender : EventAppender
{
    public static readonly PostgreSqlEventAppender Instance = new();

    private PostgreSqlEventAppender()
    {
    }

    public override async Task<long> AppendAsync(DbConnection connection, DbTransaction transaction, EventRow row, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            "INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) VALUES (NULL, @channel, @owner, @timestamp, CAST(@data AS jsonb), @envelope) RETURNING seq",
            row);
        return await ScalarAsync(command, cancellationToken);
    }

    public override Task AppendManyAsync(DbConnection connection, DbTransaction transaction, SqlText before, IReadOnlyList<EventRow> rows,
        CancellationToken cancellationToken)
    {
        Insert(before, rows, _ => "NULL", data => $"CAST({data} AS jsonb)");
        return ExecuteAsync(connection, transaction, before, cancellationToken);
    }
}
