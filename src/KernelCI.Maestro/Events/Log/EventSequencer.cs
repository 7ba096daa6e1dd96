using KernelCI.Data;
using KernelCI.Maestro.Events.WakeUps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KernelCI.Maestro.Events.Log;

/// <summary>On PostgreSQL, gives committed events their delivery positions in commit order. Writers commit
/// concurrently without a global lock; only this short step is serialised (an advisory lock shared by all replicas),
/// so a reader can never pass a position whose event is still uncommitted.</summary>
internal sealed partial class EventSequencer(Database database, AppendSignal appended, TimeProvider time, ILogger<EventSequencer> logger) : BackgroundService
{
    private const long LockKey = 0x4D414553_54524F45;
    private const int Batch = 10_000;

    // A notification can be missed while reconnecting; a periodic pass bounds the delay that would cause.
    private static readonly TimeSpan SafetyPass = TimeSpan.FromSeconds(5);

    // Positioning updates every event, so the partial index of unpositioned events fills with dead entries until
    // VACUUM. A bitmap scan (the planner's choice) visits all of them on every pass and never marks them dead: a pass
    // took 12 ms after 24,000 events and grew with the log. A plain index scan marks them dead the first time it
    // passes them, so later passes skip them (0.5 ms).
    private static readonly string PositionSql = $"""
        SELECT pg_advisory_xact_lock({LockKey});
        SET LOCAL enable_bitmapscan = off;
        WITH last AS (SELECT COALESCE(MAX(pos), 0) AS pos FROM maestro_events),
             pending AS (SELECT seq, ROW_NUMBER() OVER (ORDER BY seq) AS n FROM maestro_events WHERE pos IS NULL ORDER BY seq LIMIT {Batch})
        UPDATE maestro_events e SET pos = last.pos + pending.n FROM pending, last WHERE e.seq = pending.seq RETURNING e.channel;
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

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Event sequencing failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
