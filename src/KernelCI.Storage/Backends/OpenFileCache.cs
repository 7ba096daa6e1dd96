using System.Collections.Concurrent;

namespace KernelCI.Storage.Backends;

/// <summary>Open handles and properties of recently downloaded objects, so a hot small file costs one pread instead
/// of a stat, an open, two fstats and a close. Objects change only through <see cref="LocalBackend.PutAsync"/>,
/// which calls <see cref="Invalidate"/> after its rename; an entry is also checked against the disk (one stat) once it
/// is <see cref="Lifetime"/> old (<see cref="Renew"/>), which bounds how long a change made behind the server's back
/// (an operator deleting a file) can go unseen. Entries may also hold their version's bytes
/// (<see cref="OpenFile.Content"/>), up to <paramref name="contentBudget"/> in all: the same version the handle
/// reads, so for as long as the handle may be read, so may the bytes.</summary>
internal sealed class OpenFileCache(TimeProvider time, int capacity, long contentBudget = 0)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, OpenFile> _files = new(StringComparer.Ordinal);
    private readonly long _lifetimeTicks = (long)(Lifetime.TotalSeconds * time.TimestampFrequency);
    private long _generation;
    private int _count;
    private long _nextSweep;
    private long _contentBytes;

    /// <summary>Read before opening a file that will be offered, so an invalidation in between is noticed.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => Volatile.Read(ref _count);

    /// <summary>Bytes of content reserved by entries and by reads about to become entries.</summary>
    public long ContentBytes => Interlocked.Read(ref _contentBytes);

    /// <summary>Claims room for <paramref name="bytes"/> of content; false when that would go over the budget. Given
    /// back when the entry holding them leaves the cache, or by <see cref="Unreserve"/> if none is offered.</summary>
    public bool TryReserve(int bytes)
    {
        if (Interlocked.Add(ref _contentBytes, bytes) <= contentBudget)
        {
            return true;
        }

        Interlocked.Add(ref _contentBytes, -bytes);
        return false;
    }

    public void Unreserve(int bytes) => Interlocked.Add(ref _contentBytes, -bytes);

    /// <summary>The entry of <paramref name="key"/> while it is fresh; an expired one waits for <see cref="Renew"/>.</summary>
    public OpenFile? Find(string key) =>
        _files.TryGetValue(key, out var file) && time.GetTimestamp() < file.Expires ? file : null;

    /// <summary>Given what the disk says now about <paramref name="key"/> (null: no such file), read after
    /// <paramref name="generation"/>: an entry of that same version (length, ETag, content type) is fresh again for
    /// another lifetime, with its handle and bytes, and returned; an expired entry of another version is dropped.
    /// The version check is the one a new handle gets when it is opened, so a renewed entry is what reopening the
    /// file would have given, without the open, the fstats and the read.</summary>
    public OpenFile? Renew(string key, StoredObject? current, long generation)
    {
        if (!_files.TryGetValue(key, out var file))
        {
            return null;
        }

        var stored = file.Stored;
        if (current is not null && Generation == generation && stored.Length == current.Length
            && stored.ETag == current.ETag && stored.ContentType == current.ContentType)
        {
            file.Renew(ExpiresFromNow());
            return file;
        }

        if (time.GetTimestamp() >= file.Expires)
        {
            Evict(key, file);
        }

        return null;
    }

    public long ExpiresFromNow() => time.GetTimestamp() + _lifetimeTicks;

    /// <summary>Takes ownership of <paramref name="file"/>, opened after <paramref name="generation"/> was read.</summary>
    public void Offer(string key, OpenFile file, long generation)
    {
        if (Count >= capacity && !Sweep())
        {
            Drop(file);
            return;
        }

        if (!_files.TryAdd(key, file))
        {
            Drop(file);
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
            Drop(file);
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
            Drop(file);
        }
    }

    // Each entry is dropped once: by the one caller whose removal succeeded, or by the offer that kept it out.
    private void Drop(OpenFile file)
    {
        file.Evict();
        if (file.Content is { } content)
        {
            Unreserve(content.Length);
        }
    }
}
