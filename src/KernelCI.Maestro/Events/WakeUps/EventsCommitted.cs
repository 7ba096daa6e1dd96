using KernelCI.Data;

namespace KernelCI.Maestro.Events.WakeUps;

/// <summary>Called after a transaction that appended events commits: on SQLite they are deliverable now; on
/// PostgreSQL the sequencer must position them first.</summary>
internal sealed class EventsCommitted(Database database, EventSignal listeners, AppendSignal sequencer)
{
    /// <summary>The events were all on <paramref name="channel"/>.</summary>
    public void Notify(string channel)
    {
        if (database.Kind == DatabaseKind.Sqlite)
        {
            listeners.Notify([channel]);
        }
        else
        {
            sequencer.Notify();
        }
    }
}
