using Microsoft.Win32.SafeHandles;

namespace KernelCI.Storage.Backends;

/// <summary>A cached open handle on one version of an object. The cache owns the handle; each reader holds a
/// reference on it, so evicting it while a download reads it closes it only when that download ends.</summary>
/// <param name="content">All of this version's bytes, read through <paramref name="handle"/>, or null.</param>
internal sealed class OpenFile(SafeFileHandle handle, StoredObject stored, long expires, byte[]? content = null)
{
    public SafeFileHandle Handle => handle;

    public StoredObject Stored => stored;

    /// <summary>The whole object when it was small enough and the cache had room: served without reading the file.</summary>
    public byte[]? Content => content;

    private long _expires = expires;

    /// <summary>When, in <see cref="TimeProvider.GetTimestamp"/> ticks, the disk must be looked at again.</summary>
    public long Expires => Volatile.Read(ref _expires);

    /// <summary>The disk was looked at and still has this version.</summary>
    public void Renew(long expires) => Volatile.Write(ref _expires, expires);

    /// <summary>False once evicted: the caller opens the file itself.</summary>
    public bool TryAcquire()
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return added;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public void Release() => handle.DangerousRelease();

    public void Evict() => handle.Dispose();
}
