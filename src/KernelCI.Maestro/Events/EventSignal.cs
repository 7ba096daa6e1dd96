namespace KernelCI.Maestro.Events;

/// <summary>Wakes waiting listeners when events may have been appended: by this process, or (on PostgreSQL) by another
/// replica through LISTEN/NOTIFY. Waiters re-read the log, so a spurious wake-up costs one query and loses nothing.</summary>
internal sealed class EventSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Take this before reading the log, then await it if the log had nothing new.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, fresh).TrySetResult();
    }
}
