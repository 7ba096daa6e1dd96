using System.Collections.Concurrent;
using KernelCI.Maestro.Events.Delivery;
using KernelCI.Maestro.Events.WakeUps;

namespace KernelCI.Maestro.Events.Subscriptions;

/// <summary>Cursors that a statement of this replica left at the end of the log, or with nothing on their channel for
/// them after what they have. A listener that polls again after such a statement, with no wake-up for its channel
/// since (wake-ups name their channels, see <see cref="EventSignal"/>), has nothing to receive, so its poll needs no
/// statement: it just waits.
/// Its acknowledgement is carried by the next statement for it, which sets acked to delivered as this one would have
/// (and a crash in between leaves the cursor as an acknowledgement would, since the next poll acknowledges anyway).
/// Entries expire well within the reaper's idle limit, so that a polling anonymous subscription keeps its last_poll
/// fresh, and a revoked token or deleted subscription is refused within that time at the latest, or at the next
/// event, which always goes through a statement.</summary>
internal sealed class QuietCursors(EventSignal signal, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<long, QuietCursor> _cursors = new();

    /// <summary>The channel of <paramref name="request"/>'s subscription, if a poll for it can safely skip the
    /// database and wait for the next wake-up.</summary>
    public string? Channel(CursorRequest request)
    {
        if (!_cursors.TryGetValue(request.Id, out var quiet))
        {
            return null;
        }

        if (quiet.Request == request && quiet.Generation == signal.State.Of(quiet.Channel) && time.GetUtcNow() - quiet.At < MaxAge)
        {
            return quiet.Channel;
        }

        _cursors.TryRemove(request.Id, out _);
        return null;
    }

    /// <summary>Records (or forgets) the cursor a statement that started at signal state <paramref name="state"/> left.</summary>
    public void Record(CursorRequest request, AdvancedCursor? cursor, SignalState state, long lastPosition)
    {
        // At the end of the log, or with nothing on its channel for it after what it has: either way only a wake-up
        // for its channel (or one that names no channel) can bring it something.
        // A poll with an explicit acknowledgement that was just handed an event is not quiet: the same request again
        // means the reply was lost, and the event must be handed out again.
        if (cursor is null || (cursor.Delivered < lastPosition && cursor.Delivered > cursor.Acked)
            || (request.Ack is not null && cursor.Delivered > cursor.Acked))
        {
            _cursors.TryRemove(request.Id, out _);
            return;
        }

        if (_cursors.Count >= Capacity)
        {
            _cursors.Clear();
        }

        _cursors[request.Id] = new QuietCursor(request, cursor.Channel, state.Of(cursor.Channel), time.GetUtcNow());
    }

    public void Forget(long id) => _cursors.TryRemove(id, out _);
}
