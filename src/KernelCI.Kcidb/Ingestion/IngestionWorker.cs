using System.Collections.Concurrent;
using System.Threading.Channels;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.Ingestion;

/// <summary>
/// Moves spooled submissions into the database. Parsing and validating the next batch overlaps with the previous
/// batch's write (the two use different cores); while checked batches keep coming, several are written in one
/// transaction (<see cref="WriteGroup"/>). Batches commit in arrival order.
/// </summary>
internal sealed class IngestionWorker(
    SubmissionSpool spool, IKcidbStore store, IngestionSignal signal, KcidbOptions options, KcidbMetrics metrics,
    TimeProvider timeProvider, ILogger<IngestionWorker> logger) : BackgroundService
{
    // Files dropped into the spool by other processes, and batches held back by a database outage, are retried this often.
    private static readonly TimeSpan RescanInterval = TimeSpan.FromSeconds(1);

    private readonly IngestionBatcher _batcher = new(spool, store, options, metrics, logger);
    private readonly ConcurrentDictionary<string, bool> _inFlight = new(StringComparer.Ordinal);
    private readonly Channel<(int Generation, PreparedBatch Batch)> _prepared = Channel.CreateBounded<(int, PreparedBatch)>(1);

    // Bumped when a load fails: batches prepared before that would otherwise commit ahead of the failed, older one.
    private int _generation;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loader = Task.Run(() => LoadLoopAsync(stoppingToken), CancellationToken.None);
        try
        {
            await PrepareLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _prepared.Writer.TryComplete();
        }

        await loader;
    }

    private async Task PrepareLoopAsync(CancellationToken stoppingToken)
    {
        var lastGeneration = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            PreparedBatch? batch = null;
            var generation = Volatile.Read(ref _generation);
            if (generation != lastGeneration)
            {
                // A load just failed (the database is down or full): give it a moment instead of retrying at once.
                lastGeneration = generation;
                await Task.Delay(RescanInterval, timeProvider, stoppingToken);
            }

            try
            {
                batch = await _batcher.PrepareNextAsync(_inFlight.Keys.ToHashSet(StringComparer.Ordinal), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                IngestionLog.BatchDeferred(logger, e.Message);
            }

            if (batch is null || batch.Accepted.Count == 0)
            {
                batch?.Dispose();
                if (batch is null || !batch.MoreWaiting)
                {
                    await WaitForWorkAsync(stoppingToken);
                }

                continue;
            }

            foreach (var id in batch.FileIds)
            {
                _inFlight[id] = true;
            }

            await _prepared.Writer.WriteAsync((generation, batch), stoppingToken);
        }
    }

    private async Task LoadLoopAsync(CancellationToken stoppingToken)
    {
        await using var group = new WriteGroup(store, _batcher, options, metrics);
        await foreach (var (generation, batch) in _prepared.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                if (generation != Volatile.Read(ref _generation) || stoppingToken.IsCancellationRequested)
                {
                    Release(batch);
                    continue;
                }

                await group.AddAsync(batch, stoppingToken);
                // Commit as soon as the writer has caught up, so a quiet spool's submissions are queryable at once.
                if (group.IsFull || !_prepared.Reader.TryPeek(out _))
                {
                    await group.CommitAsync(stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _generation);
                IngestionLog.BatchDeferred(logger, e.Message);
                await group.AbandonAsync();
            }
            finally
            {
                foreach (var settled in group.TakeSettled())
                {
                    Release(settled);
                }
            }
        }

        // Stopping: what was written and not committed rolls back; its files are still in the spool.
        await group.AbandonAsync();
        foreach (var settled in group.TakeSettled())
        {
            Release(settled);
        }
    }

    private void Release(PreparedBatch batch)
    {
        batch.Dispose();
        foreach (var id in batch.FileIds)
        {
            _inFlight.TryRemove(id, out _);
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
