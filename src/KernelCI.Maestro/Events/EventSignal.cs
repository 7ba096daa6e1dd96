namespace KernelCI.Maestro.Events;

/// <summary>Wakes waiting listeners when events may have been appended: by this process, or (on PostgreSQL) by another
/// replica through LISTEN/NOTIFY. Waiters re-read the log, so a spurious wake-up costs one query and loses nothing.</summary>
internal sealed class EventSignal
{
    private long _generation;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Take this before reading the log, then await it if the log had nothing new.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Counts wake-ups: a reader that saw the same generation before and after reading the log knows no
    /// event was positioned in between.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Notify()
    {
        Interlocked.Increment(ref _generation);
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, fresh).TrySetResult();
    }
}
