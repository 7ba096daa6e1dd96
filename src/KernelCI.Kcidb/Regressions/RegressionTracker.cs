using System.Collections.Concurrent;
using System.Threading.Channels;
using KernelCI.Data;
using KernelCI.Kcidb.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.Regressions;

/// <summary>Keeps regressions up to date as results arrive (docs/regressions.md, "Where they are kept"): each checkout
/// a batch committed in this process touched (<see cref="CheckoutChanges"/>) is recomputed here, never on the
/// ingesting thread, and a checkout touched again while it waits is recomputed once. Nothing polls.</summary>
internal sealed class RegressionTracker(Database database, TimeProvider time, ILogger<RegressionTracker> logger) : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _waiting = new(StringComparer.Ordinal);
    private IDisposable? _subscription;

    /// <summary>After each recomputation: the checkouts and the number of series analysed.</summary>
    public event Action<IReadOnlyList<string>, int>? Recomputed;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = CheckoutChanges.For(database).Subscribe(Enqueue);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            // Everything waiting at once: a branch's history is then read once for all its changed checkouts.
            var checkouts = new List<string>();
            while (_queue.Reader.TryRead(out var checkout))
            {
                _waiting.TryRemove(checkout, out _);
                checkouts.Add(checkout);
            }

            var started = time.GetTimestamp();
            try
            {
                var series = await RegressionRecompute.ForCheckoutsAsync(database, checkouts, time, stoppingToken);
                RegressionLog.Recomputed(logger, checkouts.Count, series, time.GetElapsedTime(started).TotalMilliseconds);
                Recomputed?.Invoke(checkouts, series);
            }
            // A failure is logged and waits for the checkouts' next change; it must never stop the host.
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                RegressionLog.Failed(logger, checkouts.Count, e.Message);
            }
        }
    }

    // On the ingesting thread: only queue.
    private void Enqueue(IReadOnlyCollection<string> checkouts)
    {
        foreach (var checkout in checkouts)
        {
            if (_waiting.TryAdd(checkout, 0))
            {
                _queue.Writer.TryWrite(checkout);
            }
        }
    }
}
