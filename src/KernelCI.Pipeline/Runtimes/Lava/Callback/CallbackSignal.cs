namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>Wakes the worker when the endpoint stored a callback; several stores before it wakes count as one.</summary>
internal sealed class CallbackSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker will look at every due row anyway.
        }
    }

    /// <summary>Waits for a signal or for <paramref name="timeout"/> (infinite: only a signal).</summary>
    public Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return _semaphore.WaitAsync(cancellationToken);
        }

        return WaitOrTimeAsync(timeout, time, cancellationToken);
    }

    private async Task WaitOrTimeAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signal = _semaphore.WaitAsync(linked.Token);
        var timer = Task.Delay(timeout, time, linked.Token);
        await Task.WhenAny(signal, timer);
        await linked.CancelAsync();
        try
        {
            await Task.WhenAll(signal, timer);
        }
        catch (OperationCanceledException)
        {
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
