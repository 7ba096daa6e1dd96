using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>Works through the stored callbacks: every due row at start (those a killed host left), then each new one
/// when the endpoint signals. A row is deleted only after its tree is written; a failed one is retried later with a
/// growing delay and kept, marked, after <see cref="MaxAttempts"/>.</summary>
internal sealed class CallbackWorker(LavaCallbackStore store, CallbackProcessor processor, CallbackSignal signal, LabTokens tokens,
    TimeProvider time, ILogger<CallbackWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 5;

    // Longer than any processing takes (uploads and one PUT); a row claimed by a host that died is taken again after it.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan StoreRetry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var (lab, key, secret) in tokens.Missing())
        {
            LavaCallbackLog.MissingSecret(logger, lab, key, secret);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            StoredCallback? stored;
            TimeSpan wait;
            try
            {
                stored = await store.ClaimAsync(Lease, stoppingToken);
                var next = stored is null ? await store.NextDueAsync(stoppingToken) : null;
                wait = next is { } due ? Max(due - time.GetUtcNow(), TimeSpan.FromMilliseconds(10)) : Timeout.InfiniteTimeSpan;
            }
            catch (DbException e)
            {
                // The database is down or restarting: the rows are safe there; look again a little later.
                LavaCallbackLog.StoreFailed(logger, StoreRetry, e);
                await signal.WaitAsync(StoreRetry, time, stoppingToken);
                continue;
            }

            if (stored is null)
            {
                await signal.WaitAsync(wait, time, stoppingToken);
                continue;
            }

            await RunAsync(stored, stoppingToken);
        }
    }

    private async Task RunAsync(StoredCallback stored, CancellationToken stoppingToken)
    {
        try
        {
            await processor.ProcessAsync(stored, stoppingToken);
            await store.DeleteAsync(stored.Id, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.ReleaseAsync(stored.Id, CancellationToken.None);
            throw;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            var attempt = stored.Attempts + 1;
            var delay = TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(4, attempt - 1)));
            if (attempt >= MaxAttempts)
            {
                LavaCallbackLog.GivenUp(logger, stored.Id, stored.NodeId, attempt, e);
            }
            else
            {
                LavaCallbackLog.Failed(logger, stored.Id, stored.NodeId, attempt, delay, e);
            }

            await store.FailAsync(stored.Id, e.GetType().Name + ": " + e.Message, delay, attempt >= MaxAttempts, CancellationToken.None);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
