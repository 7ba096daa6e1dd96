using System.Collections.Concurrent;

namespace KernelCI.Maestro.Events.Log;

/// <summary>Positioned events never change, so the latest ones are kept in memory: a hundred listeners woken by one
/// write then read it from here instead of the database.</summary>
internal sealed class RecentEvents
{
    private const int Capacity = 4096;

    private readonly ConcurrentDictionary<long, StoredEvent> _events = new();

    public bool TryGet(long position, out StoredEvent stored) => _events.TryGetValue(position, out stored!);

    public void Add(StoredEvent stored)
    {
        _events[stored.Sequence] = stored;
        if (_events.Count > Capacity)
        {
            foreach (var old in _events.Keys.Where(k => k < stored.Sequence - Capacity / 2).ToList())
            {
                _events.TryRemove(old, out _);
            }
        }
    }
}
