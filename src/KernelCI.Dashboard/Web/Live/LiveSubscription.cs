using System.Threading.Channels;

namespace KernelCI.Dashboard.Web.Live;

/// <summary>One live stream's mailbox: flags for "results changed" and "heartbeat due", and one wake-up that signals
/// coalesce into, so a burst of batches costs the stream one read of the counts, not one per batch.</summary>
internal sealed class LiveSubscription(IReadOnlySet<string> checkoutIds, Action<LiveSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _changed;
    private int _heartbeat;

    public IReadOnlySet<string> CheckoutIds { get; } = checkoutIds;

    public void Changed()
    {
        Interlocked.Exchange(ref _changed, 1);
        _wake.Writer.TryWrite(true);
    }

    public void Heartbeat()
    {
        Interlocked.Exchange(ref _heartbeat, 1);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Waits for a signal, then takes (and clears) both flags.</summary>
    public async ValueTask<(bool Changed, bool Heartbeat)> WaitAsync(CancellationToken cancellationToken)
    {
        await _wake.Reader.ReadAsync(cancellationToken);
        return (Interlocked.Exchange(ref _changed, 0) == 1, Interlocked.Exchange(ref _heartbeat, 0) == 1);
    }

    public void Dispose() => unsubscribe(this);
}
