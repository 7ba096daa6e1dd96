using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace KernelCI.Pipeline.Git;

/// <summary>Enlarges a child's stdout pipe (Linux F_SETPIPE_SZ). `git archive` writes a Linux tree in 10 KiB records;
/// with the default 64 KiB pipe both processes wake up for nearly every record, a measurable share of the tarball's
/// time. Elsewhere, or when the call is refused, the pipe keeps its size.</summary>
internal static partial class PipeCapacity
{
    private const int SetPipeSize = 1031;
    private const int GetPipeSize = 1032;
    private const int Bytes = 1 << 20;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    public static void Enlarge(Stream stream) => Call(stream, SetPipeSize, Bytes);

    /// <summary>The pipe's capacity in bytes, or -1 when it cannot be read.</summary>
    internal static int Size(Stream stream) => Call(stream, GetPipeSize, 0);

    private static int Call(Stream stream, int command, int argument)
    {
        if (_unavailable || stream is not PipeStream { SafePipeHandle: var handle })
        {
            return -1;
        }

        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Fcntl((int)handle.DangerousGetHandle(), command, argument);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return -1;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fcntl")]
    private static partial int Fcntl(int fd, int command, int argument);
}
