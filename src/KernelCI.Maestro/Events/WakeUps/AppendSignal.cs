using KernelCI.Maestro.Events.Log;

namespace KernelCI.Maestro.Events.WakeUps;

/// <summary>On PostgreSQL, wakes the EventSequencer when this process has committed new events, without waking every
/// listener for events that have no position yet.</summary>
internal sealed class AppendSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, fresh).TrySetResult();
    }
}
