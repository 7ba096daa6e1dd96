using KernelCI.Data;
using KernelCI.Maestro.Events.Log;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KernelCI.Maestro.Events.WakeUps;

/// <summary>On PostgreSQL, LISTENs for appends made by any replica and wakes this replica's waiting listeners.</summary>
internal sealed partial class PostgresWakeups(Database database, EventSignal signal, TimeProvider time, ILogger<PostgresWakeups> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.PostgreSql.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => signal.Notify(WakeUpPayload.Read(e.Payload));
                await using (var listen = new NpgsqlCommand($"LISTEN {EventStore.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything appended while we were not listening must be picked up too.
                signal.Notify();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException)
            {
                LogListenFailed(logger, e);
                signal.Notify();
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "LISTEN connection failed; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
