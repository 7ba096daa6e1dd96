using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace KernelCI.Storage.Backends;

/// <summary>Starts the disk writing what an upload has written so far (Linux sync_file_range, SYNC_FILE_RANGE_WRITE),
/// so the disk works while the rest arrives and the fsync before the rename only waits for the tail. Without it
/// the kernel leaves a large upload dirty in memory until that fsync, and the upload takes transfer plus disk time.
/// A hint only: durability still comes from the fsync.</summary>
internal static partial class WriteBehind
{
    /// <summary>How much is written between two hints: large enough for few syscalls, small enough to start early.</summary>
    public const long Window = 8 * 1024 * 1024;

    private const uint SyncFileRangeWrite = 2;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    public static void Start(SafeFileHandle file, long offset, long length)
    {
        if (_unavailable || length <= 0)
        {
            return;
        }

        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            _ = SyncFileRange((int)file.DangerousGetHandle(), offset, length, SyncFileRangeWrite);
        }
        catch (EntryPointNotFoundException)
        {
            _unavailable = true;
        }
        catch (DllNotFoundException)
        {
            _unavailable = true;
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range")]
    private static partial int SyncFileRange(int fd, long offset, long length, uint flags);
}
