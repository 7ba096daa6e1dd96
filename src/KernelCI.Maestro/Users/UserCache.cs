using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace KernelCI.Maestro.Users;

/// <summary>The users that recent tokens named, so that a client making hundreds of requests a second costs one user
/// read per <see cref="MaestroOptions.UserCacheLifetime"/> instead of one per request. A user changed through this
/// replica (revoked, deactivated, deleted, edited) is dropped at once; a change made elsewhere (another replica, the
/// CLI) is seen when the entry expires.</summary>
internal sealed class UserCache(MaestroOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Taken before reading a user, and handed to <see cref="Add"/>: a read that a local change overtook
    /// may have seen the user as it was, so it is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string userId, [NotNullWhen(true)] out MaestroUser? user)
    {
        if (_entries.TryGetValue(userId, out var entry) && time.GetElapsedTime(entry.ReadAt) < options.UserCacheLifetime)
        {
            user = entry.User;
            return true;
        }

        user = null;
        return false;
    }

    public void Add(MaestroUser user, long generation)
    {
        if (options.UserCacheLifetime <= TimeSpan.Zero)
        {
            return;
        }

        _entries[user.Id] = new Entry(user, time.GetTimestamp());
        // A change that raced with the line above would otherwise stay unseen for a whole lifetime.
        if (Generation != generation)
        {
            _entries.TryRemove(user.Id, out _);
        }
    }

    /// <summary>Called after a user is changed or deleted through this replica.</summary>
    public void Forget(string userId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(userId, out _);
    }

    private sealed record Entry(MaestroUser User, long ReadAt);
}
