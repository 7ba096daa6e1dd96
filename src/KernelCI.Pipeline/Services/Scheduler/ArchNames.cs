namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>The names other projects give a kernel arch, used in rootfs URLs and job params: buildroot's (`brarch`),
/// ChromeOS's (`crosarch`), Debian's (`debarch`) and the kernel's own ARCH (`karch`), as upstream's runtime maps them.</summary>
internal static class ArchNames
{
    private static readonly Dictionary<string, (string Brarch, string Crosarch, string Debarch, string Karch)> Map = new()
    {
        ["x86_64"] = ("x86", "x86_64", "amd64", "x86"),
        ["i386"] = ("x86", "x86", "i386", "x86"),
        ["arm64"] = ("arm64", "arm64", "arm64", "arm64"),
        ["arm"] = ("armel", "arm", "armhf", "arm"),
        ["riscv"] = ("riscv", "riscv", "riscv64", "riscv"),
        ["mips"] = ("mipsel", "mips", "mipsel", "mips"),
    };

    public static (string Brarch, string Crosarch, string Debarch, string Karch) For(string arch) =>
        Map.TryGetValue(arch, out var names) ? names : (arch, arch, arch, arch);
}
