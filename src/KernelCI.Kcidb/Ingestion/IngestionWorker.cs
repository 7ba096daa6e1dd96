using System.Data.Common;
using System.Text.Json;
using KernelCI.Kcidb.Schema;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Submissions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.Ingestion;

/// <summary>Moves spooled submissions into the database in batches; a file leaves the spool only after its batch commits.</summary>
internal sealed class IngestionWorker(
    Spool spool, IKcidbStore store, IngestionSignal signal, KcidbOptions options, KcidbMetrics metrics,
    TimeProvider timeProvider, ILogger<IngestionWorker> logger) : BackgroundService
{
    // Files dropped into the spool by other processes, and batches held back by a database outage, are retried this often.
    private static readonly TimeSpan RescanInterval = TimeSpan.FromSeconds(1);

    private readonly IngestionBatcher _batcher = new(spool, store, options, metrics, logger);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await _batcher.IngestNextBatchAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                IngestionLog.BatchDeferred(logger, e.Message);
            }

            if (!more)
            {
                await WaitForWorkAsync(stoppingToken);
            }
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(RescanInterval, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }
}
