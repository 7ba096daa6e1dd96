using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace KernelCI.ServiceDefaults.IO;

/// <summary>An exclusive flock(2) on a lock file, waited for, released on dispose: serialises writers of one file
/// across processes (the CLI and a running server) as well as threads. The descriptor is opened with open(2), not
/// FileStream: .NET takes its own non-blocking shared flock when it opens a file for writing, and that open would
/// fail while another process holds the lock instead of waiting for it.</summary>
public sealed partial class FileLock : IDisposable
{
    private const int ReadWrite = 0x2;
    private const int Create = 0x40;
    private const int CloseOnExec = 0x80000;
    private const int Exclusive = 2;
    private const int Interrupted = 4;

    private readonly SafeFileHandle? _handle;

    private FileLock(SafeFileHandle? handle) => _handle = handle;

    /// <summary>Waits for the lock on <paramref name="path"/>, creating the file (mode 0600) if needed. Elsewhere than
    /// Linux this locks nothing: the data folder's format is only shared across processes there.</summary>
    public static FileLock Acquire(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new FileLock(null);
        }

        var fd = Open(path, ReadWrite | Create | CloseOnExec, 0b110_000_000);
        if (fd < 0)
        {
            throw new IOException($"cannot open the lock file {path}: errno {Marshal.GetLastPInvokeError()}");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        while (Flock(fd, Exclusive) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted)
            {
                handle.Dispose();
                throw new IOException($"cannot lock {path}: errno {errno}");
            }
        }

        return new FileLock(handle);
    }

    // Closing the descriptor releases the lock.
    public void Dispose() => _handle?.Dispose();

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);
}
