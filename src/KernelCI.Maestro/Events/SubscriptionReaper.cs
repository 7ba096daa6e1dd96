using System.Data.Common;
using KernelCI.Data;
using KernelCI.Maestro.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Maestro.Events;

/// <summary>Drops anonymous subscriptions nobody has polled for 15 minutes, as upstream does. Subscriptions with a
/// subscriber_id are cursors in the log and are never reaped: that is the delivery guarantee.</summary>
internal sealed partial class SubscriptionReaper(Database database, TimeProvider time, ILogger<SubscriptionReaper> logger) : BackgroundService
{
    public static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var cutoff = NodeTime.Render(time.GetUtcNow() - MaxIdle);
                await using var connection = await Sql.OpenAsync(database, stoppingToken);
                await using var command = Sql.Command(connection, null,
                    "DELETE FROM maestro_subscriptions WHERE subscriber_id IS NULL AND COALESCE(last_poll, created) < @cutoff", ("cutoff", cutoff));
                var reaped = await command.ExecuteNonQueryAsync(stoppingToken);
                if (reaped > 0)
                {
                    LogReaped(logger, reaped);
                }
            }
            catch (DbException e)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Reaped {Count} idle anonymous subscriptions")]
    private static partial void LogReaped(ILogger logger, int count);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Subscription reaper failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
