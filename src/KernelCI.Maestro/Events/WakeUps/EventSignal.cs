using System.Collections.Immutable;
using KernelCI.Maestro.Events.Subscriptions;

namespace KernelCI.Maestro.Events.WakeUps;

/// <summary>Wakes waiting listeners when events may have been appended: by this process, or (on PostgreSQL) by another
/// replica through LISTEN/NOTIFY. Waiters re-read the log, so a spurious wake-up costs one query and loses nothing.
/// A wake-up names the channels that got events when the notifier knows them, so that a listener on another channel
/// can go back to waiting without a statement (see <see cref="QuietCursors"/>).</summary>
internal sealed class EventSignal
{
    private readonly Lock _gate = new();
    private SignalState _state = new(0, ImmutableDictionary<string, long>.Empty);
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Take this before reading the log, then await it if the log had nothing new.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Counts wake-ups per channel: a reader that sees the same count for its channel before and after
    /// reading the log knows no event was positioned on that channel in between.</summary>
    public SignalState State => Volatile.Read(ref _state);

    /// <summary>Events were appended on <paramref name="channels"/>; null when that is not known (every channel).</summary>
    public void Notify(IReadOnlyCollection<string>? channels = null)
    {
        lock (_gate)
        {
            var state = _state;
            Volatile.Write(ref _state, channels is null or { Count: 0 }
                ? state with { Unknown = state.Unknown + 1 }
                : state with { Channels = channels.Aggregate(state.Channels, (all, c) => all.SetItem(c, all.GetValueOrDefault(c) + 1)) });
        }

        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, fresh).TrySetResult();
    }
}
