using System.Collections.Concurrent;

namespace KernelCI.Storage.Files;

/// <summary>One writer per key: a second upload of a key already being written gets 409 at once instead of
/// racing it, so the object that lands is one whole upload.</summary>
internal sealed class KeyLocks
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    public bool IsHeld(string key) => _held.ContainsKey(key);

    public KeyLock? TryAcquire(string key) => _held.TryAdd(key, 0) ? new KeyLock(_held, key) : null;
}
