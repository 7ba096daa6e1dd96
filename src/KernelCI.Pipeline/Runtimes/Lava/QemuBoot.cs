using KernelCI.Pipeline.Runtimes.Lava.Definition;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>boot_method qemu (kernelci/kernelci-core:config/runtime/boot/qemu.jinja2): kernel, ramdisk and dtb on
/// tmpfs, QEMU in the kernelci/qemu image (`qemu_docker: false` runs the worker's own QEMU), console ttyAMA0 on arm and
/// arm64, ttyS0 elsewhere. The ramdisk is the job's `ramdisk` param (a rootfs_ref's, a gzipped cpio) and carries LAVA's
/// test overlay: LAVA unpacks it and adds its test shell (`overlays: {lava: true}`), so the worker needs no libguestfs
/// drive and the kernel no block driver to read one (docs/labs.md, "End to end").</summary>
internal static class QemuBoot
{
    public static IReadOnlyList<LavaAction> Actions(LavaJobInputs inputs)
    {
        var platform = inputs.Request.Platform;
        var arch = platform.Context["arch"]?.ToString() ?? platform.Arch;
        var console = arch is "arm" or "arm64" ? "ttyAMA0" : "ttyS0";
        var images = new Dictionary<string, LavaImage>
        {
            ["kernel"] = new(inputs.Artifact("kernel"))
            {
                ImageArg = $"-kernel {{kernel}} -append \"console={console},115200 root=/dev/ram0 debug verbose console_msg_format=syslog earlycon\"",
            },
            ["ramdisk"] = Ramdisk(inputs),
        };
        if (inputs.Dtb is { } dtb)
        {
            images["dtb"] = new LavaImage(dtb) { ImageArg = "-dtb {dtb}" };
        }

        var image = inputs.Param("qemu_docker_image") ?? "kernelci/qemu";
        return
        [
            new(Deploy: new LavaDeploy("tmpfs") { Images = images, Os = "oe", Timeout = LavaTimeout.OfMinutes(3) }),
            new(Boot: new LavaBoot("qemu", BootActions.Prompts, LavaTimeout.OfMinutes(20))
            {
                Media = "tmpfs",
                Docker = inputs.Param("qemu_docker") is "false" ? null : new LavaDocker(image, $"qemu-system-{QemuArch(platform.Arch)}"),
                FailureRetry = 3,
                Timeouts = BootActions.BootTimeouts(3, 6, 2),
            }),
        ];
    }

    // With the worker's own QEMU (qemu_docker false) LAVA would write its test overlay to a guest disk through
    // libguestfs, which a worker outside kernelci's dispatcher image may lack (scripts/lava.sh's lab does: "Unable to
    // start libguestfs"); LAVA puts it into the gzip newc cpio ramdisk instead (docs/labs.md, the initramfs).
    private static LavaImage Ramdisk(LavaJobInputs inputs)
    {
        var image = new LavaImage(inputs.Required("ramdisk")) { ImageArg = "-initrd {ramdisk}" };
        return inputs.Param("qemu_docker") is "false"
            ? image with { Compression = "gz", Format = "cpio.newc", Overlays = new Dictionary<string, object> { ["lava"] = true } }
            : image;
    }

    private static string QemuArch(string arch) => arch switch
    {
        "arm64" => "aarch64",
        "riscv" => "riscv64",
        _ => arch,
    };
}
