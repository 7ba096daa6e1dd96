using System.Collections.Concurrent;

namespace KernelCI.Storage.Files;

/// <summary>A held writer lock on one key; disposing releases it.</summary>
internal sealed class KeyLock(ConcurrentDictionary<string, byte> held, string key) : IDisposable
{
    public void Dispose() => held.TryRemove(key, out _);
}
