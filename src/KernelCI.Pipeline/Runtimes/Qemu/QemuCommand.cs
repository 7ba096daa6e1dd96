namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>The QEMU command line for a platform: the emulator and console by arch. KVM is opt-in (runtime setting
/// `kvm: true`, used only when /dev/kvm opens): a /dev/kvm that opens can still hang the guest under nested
/// virtualisation, as on our CI machine, and TCG boots a small kernel in seconds anyway.</summary>
internal static class QemuCommand
{
    public static (string Program, List<string> Arguments) For(string arch, string kernel, string initramfs, string extraKernelArgs, bool kvm)
    {
        var (program, machine, console) = arch switch
        {
            "x86_64" => ("qemu-system-x86_64", (string[])[], "ttyS0"),
            "arm64" => ("qemu-system-aarch64", ["-M", "virt", "-cpu", "max"], "ttyAMA0"),
            _ => throw new InvalidJobParamsException($"platform arch '{arch}' is not supported by the qemu lab (x86_64, arm64)"),
        };
        // no_timer_check: under emulation on a busy host the kernel's IO-APIC timer check can fail and panic a healthy guest.
        var append = $"console={console},115200 rdinit=/init panic=-1 no_timer_check {extraKernelArgs}".Trim();
        var arguments = new List<string>(machine)
        {
            "-kernel", kernel, "-initrd", initramfs, "-append", append, "-nographic", "-no-reboot", "-m", "256",
        };
        if (kvm && arch == "x86_64" && KvmUsable())
        {
            arguments.Add("-enable-kvm");
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
