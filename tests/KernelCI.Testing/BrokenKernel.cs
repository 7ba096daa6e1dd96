namespace KernelCI.Testing;

/// <summary>Changes to linux-source-6.1 that break the tests' tinyconfig kernel in one known way each, for the bisection
/// tests and benchmark: the file's new contents, made from its contents at a commit of the tree. Git's output loses a
/// file's last newline; it is put back, so a revert restores the file byte for byte.</summary>
public static class BrokenKernel
{
    public const string PanicFile = "init/main.c";

    public const string ProcVersionFile = "fs/proc/version.c";

    /// <summary>init/main.c with a panic in kernel_init, once the kernel is up and printing to the console: the boot
    /// never reaches a prompt.</summary>
    public static async Task<string> PanicAtBootAsync(LinuxTree tree, string commit)
    {
        const string anchor = "\tdo_sysctl_args();\n";
        return Replace(await OriginalAsync(tree, commit, PanicFile), anchor,
            anchor + "\tpanic(\"kernelci: broken on purpose by the bisection test\");\n");
    }

    /// <summary>fs/proc/version.c creating `/proc/version-broken` instead of `/proc/version`: the kernel boots, and the
    /// QEMU smoke job's `proc-mounted` case (`test -e /proc/version`, config/pipeline/jobs.yaml) fails.</summary>
    public static async Task<string> NoProcVersionAsync(LinuxTree tree, string commit) =>
        Replace(await OriginalAsync(tree, commit, ProcVersionFile), "proc_create_single(\"version\",", "proc_create_single(\"version-broken\",");

    /// <summary>A file as it is at <paramref name="commit"/>, with its last newline.</summary>
    public static async Task<string> OriginalAsync(LinuxTree tree, string commit, string file) => await tree.ShowAtAsync(commit, file) + "\n";

    private static string Replace(string source, string anchor, string replacement) =>
        source.Contains(anchor, StringComparison.Ordinal)
            ? source.Replace(anchor, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"the tree's source no longer has '{anchor.Trim()}'");
}
