using KernelCI.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KernelCI.Maestro.Events;

/// <summary>On PostgreSQL, gives committed events their delivery positions in commit order. Writers commit
/// concurrently without a global lock; only this short step is serialised (an advisory lock shared by all replicas),
/// so a reader can never pass a position whose event is still uncommitted.</summary>
internal sealed partial class EventSequencer(Database database, AppendSignal appended, TimeProvider time, ILogger<EventSequencer> logger) : BackgroundService
{
    private const long LockKey = 0x4D414553_54524F45;
    private const int Batch = 10_000;

    // A notification can be missed while reconnecting; a periodic pass bounds the delay that would cause.
    private static readonly TimeSpan SafetyPass = TimeSpan.FromSeconds(5);

    // Event rows are never rewritten: committed events wait in maestro_event_pending (queued by their writer in the
    // same transaction) and get a row in the narrow maestro_event_positions, in seq order. The queue is a small table
    // of dead rows until VACUUM, so it is read through its primary key: a plain index scan marks deleted entries dead
    // the first time it passes them, where a bitmap scan would visit every one of them on every pass.
    private static readonly string PositionSql = $"""
        SELECT pg_advisory_xact_lock({LockKey});
        SET LOCAL enable_bitmapscan = off;
        WITH last AS (SELECT COALESCE(MAX(pos), 0) AS pos FROM maestro_event_positions),
             taken AS (DELETE FROM maestro_event_pending WHERE seq IN (SELECT seq FROM maestro_event_pending ORDER BY seq LIMIT {Batch}) RETURNING seq),
             numbered AS (SELECT seq, ROW_NUMBER() OVER (ORDER BY seq) AS n FROM taken)
        INSERT INTO maestro_event_positions (pos, seq, channel, owner, timestamp)
        SELECT last.pos + numbered.n, e.seq, e.channel, e.owner, e.timestamp
        FROM numbered JOIN maestro_events e ON e.seq = numbered.seq CROSS JOIN last
        RETURNING channel;
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wakeUp = appended.Next;
            try
            {
                // Listeners here and in other replicas wake on the NOTIFY this pass commits.
                if (await PositionAsync(stoppingToken) > 0)
                {
                    continue;
                }

                await wakeUp.WaitAsync(SafetyPass, time, stoppingToken);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException e)
            {
                LogFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    public async Task<int> PositionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.PostgreSql.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var channels = new HashSet<string>(StringComparer.Ordinal);
        var positioned = 0;
        await using (var command = new NpgsqlCommand(PositionSql, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.FieldCount == 1 && reader.GetFieldType(0) == typeof(string))
                    {
                        channels.Add(reader.GetString(0));
                        positioned++;
                    }
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        if (positioned > 0)
        {
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{EventStore.NotifyChannel}', @channels)", connection, transaction);
            notify.Parameters.AddWithValue("channels", WakeUpPayload.Write(channels));
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return positioned;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Event sequencing failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
