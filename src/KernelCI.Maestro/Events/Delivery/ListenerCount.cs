namespace KernelCI.Maestro.Events.Delivery;

/// <summary>How many long polls are waiting for an event now (the `maestro_listeners` gauge).</summary>
internal sealed class ListenerCount
{
    private int _waiting;

    public int Waiting => Volatile.Read(ref _waiting);

    public void Enter() => Interlocked.Increment(ref _waiting);

    public void Leave() => Interlocked.Decrement(ref _waiting);
}
