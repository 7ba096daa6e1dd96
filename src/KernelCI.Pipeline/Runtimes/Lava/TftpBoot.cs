using KernelCI.Pipeline.Runtimes.Lava.Definition;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>Boards that fetch their images over TFTP: boot_method u-boot, barebox, ipxe, grub and depthcharge
/// (kernelci/kernelci-core:config/runtime/boot/{u-boot,barebox,ipxe,grub,depthcharge}.jinja2). `boot_commands: nfs`
/// deploys `<nfsroot>/full.rootfs.tar.xz` with `<nfsroot>/initrd.cpio.gz` (os debian); otherwise the `ramdisk` (os oe).</summary>
internal static class TftpBoot
{
    public static IReadOnlyList<LavaAction> Actions(LavaJobInputs inputs)
    {
        var method = inputs.Request.Platform.BootMethod;
        var nfs = inputs.BootCommands == "nfs";
        // depthcharge takes the kernel as given (its FIT image or Image), grub needs QEMU-style arguments for its
        // x86 boards; the others name the kernel type.
        var kernel = method switch
        {
            "depthcharge" => new LavaImage(inputs.Artifact("kernel")),
            "ipxe" => new LavaImage(inputs.Artifact("kernel")) { Type = inputs.KernelType.ToLowerInvariant() },
            _ => BootActions.Kernel(inputs),
        };
        var deploy = new LavaDeploy("tftp")
        {
            Namespace = method == "depthcharge" ? inputs.Param("boot_namespace") : null,
            Kernel = kernel,
            Modules = method == "grub" ? null : BootActions.Modules(inputs),
            Dtb = inputs.Dtb is { } dtb ? new LavaImage(dtb) : null,
            Ramdisk = new LavaImage(nfs ? $"{inputs.Required("nfsroot")}/initrd.cpio.gz" : inputs.Required("ramdisk")) { Compression = "gz" },
            Nfsrootfs = nfs ? new LavaImage($"{inputs.Required("nfsroot")}/full.rootfs.tar.xz") { Compression = "xz" } : null,
            Os = nfs ? "debian" : "oe",
            Timeout = LavaTimeout.OfMinutes(10),
        };
        var boot = new LavaBoot(method, BootActions.Prompts, LavaTimeout.OfMinutes(20))
        {
            Namespace = deploy.Namespace,
            Commands = inputs.BootCommands,
            FailureRetry = 3,
            Timeouts = BootActions.BootTimeouts(method == "ipxe" ? 5 : 3, 6, 2),
        };
        return [new(Deploy: deploy), new(Boot: boot)];
    }
}
