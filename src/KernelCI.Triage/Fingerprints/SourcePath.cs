namespace KernelCI.Triage.Fingerprints;

/// <summary>A source path as the same file is named by every build: "./" and the tree's location removed, so
/// "/home/ci/linux/drivers/x.c", "../drivers/x.c" and "drivers/x.c" are one file (out-of-tree builds print the
/// tree's absolute or relative path). Temporary files (/tmp/ccXXXXXX.o) become /tmp/_.</summary>
internal static class SourcePath
{
    private static readonly string[] TopDirectories =
    [
        "arch", "block", "certs", "crypto", "drivers", "fs", "include", "init", "io_uring", "ipc", "kernel", "lib",
        "mm", "net", "rust", "samples", "scripts", "security", "sound", "tools", "usr", "virt",
    ];

    public static string Normalize(string path)
    {
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        if (path.StartsWith('/') || path.StartsWith("../", StringComparison.Ordinal))
        {
            // The first top-level directory in the path starts the tree: /home/ci/linux/arch/x86/kernel/x.c is
            // arch/x86/kernel/x.c, not kernel/x.c.
            var first = -1;
            foreach (var directory in TopDirectories)
            {
                var at = path.IndexOf($"/{directory}/", StringComparison.Ordinal);
                first = at >= 0 && (first < 0 || at < first) ? at : first;
            }

            if (first >= 0)
            {
                return path[(first + 1)..];
            }
        }

        return path.StartsWith("/tmp/", StringComparison.Ordinal) ? "/tmp/_" : path;
    }
}
