using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Maestro.Events.Log;

/// <summary>Positions every event committed so far before a read that must see them all: a new subscription's start
/// point and /events. A no-op on SQLite, where events get their position when written.</summary>
internal sealed class EventPositions(IServiceProvider services)
{
    public Task EnsureAsync(CancellationToken cancellationToken) =>
        services.GetService<EventSequencer>() is { } sequencer ? sequencer.PositionAsync(cancellationToken) : Task.CompletedTask;
}
