using Microsoft.Win32.SafeHandles;

namespace KernelCI.Storage.Backends;

/// <summary>A cached open handle on one version of an object. The cache owns the handle; each reader holds a
/// reference on it, so evicting it while a download reads it closes it only when that download ends.</summary>
internal sealed class OpenFile(SafeFileHandle handle, StoredObject stored, long expires)
{
    public SafeFileHandle Handle => handle;

    public StoredObject Stored => stored;

    /// <summary>When, in <see cref="TimeProvider.GetTimestamp"/> ticks, the disk must be looked at again.</summary>
    public long Expires => expires;

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
