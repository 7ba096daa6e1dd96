namespace KernelCI.KciDev.Tests;

/// <summary>A clock whose timers fire at once and record how long they were asked to wait: retry back-offs are checked
/// without waiting for them.</summary>
internal sealed class ImmediateTimers : TimeProvider
{
    public List<TimeSpan> Waits { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (Waits)
        {
            Waits.Add(dueTime);
        }

        return new Fired(callback, state);
    }

    private sealed class Fired : ITimer
    {
        public Fired(TimerCallback callback, object? state) => ThreadPool.QueueUserWorkItem(_ => callback(state));

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
