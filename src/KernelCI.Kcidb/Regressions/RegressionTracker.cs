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
    private TimeSpan _backoff;

    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>What a batch of changed checkouts runs; tests replace it to make the database fail.</summary>
    internal Func<IReadOnlyList<string>, CancellationToken, Task<int>> Recompute { get; init; } =
        (checkouts, cancellationToken) => RegressionRecompute.ForCheckoutsAsync(database, checkouts, time, cancellationToken);

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
                var series = await Recompute(checkouts, stoppingToken);
                RegressionLog.Recomputed(logger, checkouts.Count, series, time.GetElapsedTime(started).TotalMilliseconds);
                Recomputed?.Invoke(checkouts, series);
                _backoff = TimeSpan.Zero;
            }
            // A busy database (SQLite's writer lock held by a long ingestion batch) is no reason to lose the work: the
            // checkouts go back in the queue and are tried again after a pause that doubles up to MaxBackoff.
            catch (Exception e) when (DbFailures.IsBusyOrUnreachable(e) && !stoppingToken.IsCancellationRequested)
            {
                _backoff = _backoff == TimeSpan.Zero ? FirstBackoff : TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, MaxBackoff.Ticks));
                RegressionLog.Retrying(logger, checkouts.Count, _backoff.TotalSeconds, e.Message);
                Enqueue(checkouts);
                await Task.Delay(_backoff, time, stoppingToken);
            }
            // Any other failure is logged and waits for the checkouts' next change; it must never stop the host.
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
