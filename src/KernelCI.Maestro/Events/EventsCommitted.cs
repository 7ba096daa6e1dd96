using KernelCI.Data;

namespace KernelCI.Maestro.Events;

/// <summary>Called after a transaction that appended events commits: on SQLite they are deliverable now; on
/// PostgreSQL the sequencer must position them first.</summary>
internal sealed class EventsCommitted(Database database, EventSignal listeners, AppendSignal sequencer)
{
    /// <summary>After a commit of events positioned by <see cref="EventStore.AppendPositionedAsync"/>: they are
    /// deliverable now. On PostgreSQL the commit's own NOTIFY wakes the listeners of every replica, this one included.</summary>
    public void NotifyPositioned()
    {
        if (database.Kind == DatabaseKind.Sqlite)
        {
            listeners.Notify();
        }
    }

    public void Notify()
    {
        if (database.Kind == DatabaseKind.Sqlite)
        {
            listeners.Notify();
        }
        else
        {
            sequencer.Notify();
        }
    }
}
