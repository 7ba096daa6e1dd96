namespace KernelCI.Maestro.Events.Log;

/// <summary>Positions every event committed so far before a read that must see them all: a new subscription's start
/// point and /events. A no-op on SQLite (no <paramref name="sequencer"/>), where events get their position when
/// written.</summary>
internal sealed class EventPositions(EventSequencer? sequencer)
{
    public Task EnsureAsync(CancellationToken cancellationToken) => sequencer?.PositionAsync(cancellationToken) ?? Task.CompletedTask;
}
