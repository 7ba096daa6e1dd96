using KernelCI.Data;
using KernelCI.Kcidb.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KernelCI.Dashboard.Web.Live;

/// <summary>Feeds <see cref="LiveResults"/>: KCIDB's batches committed in this process, and on PostgreSQL those of
/// every other process through <c>LISTEN kcidb_checkouts</c> (as Maestro's PostgresWakeups listens for events), so
/// any dashboard replica pushes any replica's ingestion. Nothing polls: both paths wait for the commit's own signal.</summary>
internal sealed class LiveResultsListener(Database database, LiveResults live, TimeProvider time, ILogger<LiveResultsListener> logger)
    : BackgroundService
{
    private readonly CheckoutChanges _inProcess = CheckoutChanges.For(database);
    private IDisposable? _local;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _local = _inProcess.Subscribe(live.Deliver);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _local?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Kind != DatabaseKind.PostgreSql)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.PostgreSql.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {CheckoutChanges.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Batches committed elsewhere while we were not listening: every stream checks its counts.
                live.DeliverAll();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException)
            {
                LiveLog.ListenFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    // Batches committed through our own in-process broadcast were delivered by it already.
    private void Heard(string payload)
    {
        if (CheckoutChanges.ReadPayload(payload) is { } heard && heard.Source != _inProcess.SourceId)
        {
            live.Deliver(heard.CheckoutIds);
        }
    }
}
