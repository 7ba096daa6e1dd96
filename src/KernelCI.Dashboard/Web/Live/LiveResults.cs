using KernelCI.Kcidb.Store;

namespace KernelCI.Dashboard.Web.Live;

/// <summary>This dashboard's open live streams, by the checkouts they watch. <see cref="LiveResultsListener"/> feeds it
/// the checkouts each ingestion batch touched (KCIDB's <see cref="CheckoutChanges"/>, in process and, on PostgreSQL,
/// from other processes through LISTEN); each stream then reads its counts again.</summary>
internal sealed class LiveResults
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<LiveSubscription>> _byCheckout = new(StringComparer.Ordinal);
    private readonly HashSet<LiveSubscription> _open = [];
    private TaskCompletionSource _empty = Completed();

    /// <summary>How many streams are open.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>Completes once no stream is open (a stream ends when its client goes away).</summary>
    public Task WaitForNoneAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _empty.Task.WaitAsync(cancellationToken);
        }
    }

    public LiveSubscription Subscribe(IReadOnlySet<string> checkoutIds) =>
        TrySubscribe(checkoutIds, int.MaxValue) ?? throw new InvalidOperationException("no limit was set");

    /// <summary>A new stream's subscription, or null when <paramref name="max"/> streams are already open: every open
    /// stream reads its counts again on each batch that touches its commit, so their number is bounded
    /// (Dashboard:MaxLiveStreams, docs/configuration.md).</summary>
    public LiveSubscription? TrySubscribe(IReadOnlySet<string> checkoutIds, int max)
    {
        var subscription = new LiveSubscription(checkoutIds, Remove);
        lock (_lock)
        {
            if (_open.Count >= max)
            {
                return null;
            }

            _open.Add(subscription);
            if (_empty.Task.IsCompleted && checkoutIds.Count > 0)
            {
                _empty = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            foreach (var id in checkoutIds)
            {
                if (!_byCheckout.TryGetValue(id, out var list))
                {
                    _byCheckout[id] = list = [];
                }

                list.Add(subscription);
            }
        }

        return subscription;
    }

    public void Deliver(IReadOnlyCollection<string> checkoutIds)
    {
        List<LiveSubscription> woken = [];
        lock (_lock)
        {
            foreach (var id in checkoutIds)
            {
                if (_byCheckout.TryGetValue(id, out var list))
                {
                    woken.AddRange(list);
                }
            }
        }

        foreach (var subscription in woken)
        {
            subscription.Changed();
        }
    }

    /// <summary>Every stream reads its counts again (after the LISTEN connection was lost and notifications may have
    /// been missed); those whose counts did not change send nothing.</summary>
    public void DeliverAll()
    {
        List<LiveSubscription> all;
        lock (_lock)
        {
            all = _byCheckout.Values.SelectMany(l => l).Distinct().ToList();
        }

        foreach (var subscription in all)
        {
            subscription.Changed();
        }
    }

    private void Remove(LiveSubscription subscription)
    {
        lock (_lock)
        {
            _open.Remove(subscription);
            foreach (var id in subscription.CheckoutIds)
            {
                if (_byCheckout.TryGetValue(id, out var list) && list.Remove(subscription) && list.Count == 0)
                {
                    _byCheckout.Remove(id);
                }
            }

            if (_byCheckout.Count == 0)
            {
                _empty.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
