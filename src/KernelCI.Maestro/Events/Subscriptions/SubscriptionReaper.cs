using System.Data.Common;
using System.Globalization;
using KernelCI.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Maestro.Events.Subscriptions;

/// <summary>Drops anonymous subscriptions nobody has polled for 15 minutes, as upstream does. Subscriptions with a
/// subscriber_id are cursors in the log and are never reaped: that is the delivery guarantee. At start and after each
/// pass it counts the subscriptions for the `maestro_subscriptions` gauge.</summary>
internal sealed partial class SubscriptionReaper(Database database, MaestroMetrics metrics, TimeProvider time, ILogger<SubscriptionReaper> logger)
    : BackgroundService
{
    public static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await RunAsync(reap: false, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunAsync(reap: true, stoppingToken);
        }
    }

    private async Task RunAsync(bool reap, CancellationToken stoppingToken)
    {
        try
        {
            await using var connection = await Sql.OpenAsync(database, stoppingToken);
            if (reap)
            {
                var cutoff = NodeTime.Render(time.GetUtcNow() - MaxIdle);
                await using var command = Sql.Command(connection, null,
                    "DELETE FROM maestro_subscriptions WHERE subscriber_id IS NULL AND COALESCE(last_poll, created) < @cutoff", ("cutoff", cutoff));
                var reaped = await command.ExecuteNonQueryAsync(stoppingToken);
                if (reaped > 0)
                {
                    LogReaped(logger, reaped);
                }
            }

            await using var total = Sql.Command(connection, null, "SELECT COUNT(*) FROM maestro_subscriptions");
            metrics.SubscriptionsCounted(Convert.ToInt64(await total.ExecuteScalarAsync(stoppingToken), CultureInfo.InvariantCulture));
        }
        catch (DbException e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Reaped {Count} idle anonymous subscriptions")]
    private static partial void LogReaped(ILogger logger, int count);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Subscription reaper failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
