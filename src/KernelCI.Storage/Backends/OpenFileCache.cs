using System.Collections.Concurrent;

namespace KernelCI.Storage.Backends;

/// <summary>Open handles and properties of recently downloaded objects, so a hot small file costs one pread instead
/// of a stat, an open, two fstats and a close. Objects change only through <see cref="LocalBackend.PutAsync"/>,
/// which calls <see cref="Invalidate"/> after its rename; entries also expire after <see cref="Lifetime"/>, which
/// bounds how long a change made behind the server's back (an operator deleting a file) can go unseen.</summary>
internal sealed class OpenFileCache(TimeProvider time, int capacity)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, OpenFile> _files = new(StringComparer.Ordinal);
    private readonly long _lifetimeTicks = (long)(Lifetime.TotalSeconds * time.TimestampFrequency);
    private long _generation;
    private int _count;
    private long _nextSweep;

    /// <summary>Read before opening a file that will be offered, so an invalidation in between is noticed.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => Volatile.Read(ref _count);

    public OpenFile? Find(string key)
    {
        if (!_files.TryGetValue(key, out var file))
        {
            return null;
        }

        if (time.GetTimestamp() < file.Expires)
        {
            return file;
        }

        Evict(key, file);
        return null;
    }

    public long ExpiresFromNow() => time.GetTimestamp() + _lifetimeTicks;

    /// <summary>Takes ownership of <paramref name="file"/>, opened after <paramref name="generation"/> was read.</summary>
    public void Offer(string key, OpenFile file, long generation)
    {
        if (Count >= capacity && !Sweep())
        {
            file.Evict();
            return;
        }

        if (!_files.TryAdd(key, file))
        {
            file.Evict();
            return;
        }

        Interlocked.Increment(ref _count);
        // Invalidate bumps the generation before it removes the key: either it removed this entry, or this sees
        // the new generation and removes it here. A version replaced meanwhile is never left behind.
        if (Generation != generation)
        {
            Evict(key, file);
        }
    }

    /// <summary>Called after the object under <paramref name="key"/> was replaced on disk.</summary>
    public void Invalidate(string key)
    {
        Interlocked.Increment(ref _generation);
        if (_files.TryRemove(key, out var file))
        {
            Interlocked.Decrement(ref _count);
            file.Evict();
        }
    }

    // Drops expired entries, at most once per lifetime so that a cache full of live entries costs nothing.
    private bool Sweep()
    {
        var now = time.GetTimestamp();
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, now + _lifetimeTicks, next) != next)
        {
            return false;
        }

        foreach (var (key, file) in _files)
        {
            if (now >= file.Expires)
            {
                Evict(key, file);
            }
        }

        return Count < capacity;
    }

    private void Evict(string key, OpenFile file)
    {
        if (_files.TryRemove(new KeyValuePair<string, OpenFile>(key, file)))
        {
            Interlocked.Decrement(ref _count);
            file.Evict();
        }
    }
}
