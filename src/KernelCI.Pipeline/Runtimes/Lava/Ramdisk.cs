using KernelCI.Pipeline.Runtimes.Lava.Definition;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>The ramdisk of boards whose boot image is built from downloads (fastboot, efi): LAVA's test overlay, the
/// modules and, for a ramdisk boot, the kselftest tarball are unpacked into the cpio (kernelci-core's boot templates).</summary>
internal static class Ramdisk
{
    public static LavaImage WithOverlays(LavaJobInputs inputs)
    {
        var ramdiskBoot = inputs.BootCommands == "ramdisk" && inputs.Param("ramdiskroot") is not null;
        var overlays = new Dictionary<string, object> { ["lava"] = true };
        if (inputs.OptionalArtifact("modules") is { } modules)
        {
            overlays["modules"] = Overlay(modules, "/");
        }

        if (ramdiskBoot && inputs.OptionalArtifact("kselftest_tar_xz") is { } kselftest)
        {
            overlays["kselftest"] = Overlay(kselftest, "/opt/kselftests/mainline/");
        }

        var url = ramdiskBoot ? $"{inputs.Param("ramdiskroot")}/rootfs.cpio.gz" : inputs.Required("ramdisk");
        return new LavaImage(url) { Compression = "gz", Format = "cpio.newc", Overlays = overlays };
    }

    private static Dictionary<string, object> Overlay(string url, string path) =>
        new() { ["url"] = url, ["compression"] = "xz", ["format"] = "tar", ["path"] = path };
}
