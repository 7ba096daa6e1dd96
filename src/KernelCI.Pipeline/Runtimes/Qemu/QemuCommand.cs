namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>The QEMU command line for a platform: the emulator and console by arch, KVM only when /dev/kvm opens.</summary>
internal static class QemuCommand
{
    public static (string Program, List<string> Arguments) For(string arch, string kernel, string initramfs, string extraKernelArgs)
    {
        var (program, machine, console) = arch switch
        {
            "x86_64" => ("qemu-system-x86_64", (string[])[], "ttyS0"),
            "arm64" => ("qemu-system-aarch64", ["-M", "virt", "-cpu", "max"], "ttyAMA0"),
            _ => throw new InvalidJobParamsException($"platform arch '{arch}' is not supported by the qemu lab (x86_64, arm64)"),
        };
        var append = $"console={console},115200 rdinit=/init panic=-1 {extraKernelArgs}".Trim();
        var arguments = new List<string>(machine)
        {
            "-kernel", kernel, "-initrd", initramfs, "-append", append, "-nographic", "-no-reboot", "-m", "256",
        };
        if (arch == "x86_64" && KvmUsable())
        {
            arguments.AddRange(["-enable-kvm", "-cpu", "host"]);
        }

        return (program, arguments);
    }

    private static bool KvmUsable()
    {
        try
        {
            using var kvm = File.Open("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
