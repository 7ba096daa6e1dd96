using KernelCI.Pipeline.Runtimes.Lava.Definition;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>boot_method efi (kernelci/kernelci-core:config/runtime/boot/efi.jinja2): the platform's flash image, the
/// kernel, dtb and ramdisk are downloaded, turned into efi.bin and dtb.bin in a container, flashed by LAVA's flasher,
/// then the board boots on its own (boot method minimal).</summary>
internal static class EfiBoot
{
    private const string Image = "artifacts.codelinaro.org/clo-420-qli-registry/kmake-image-ci:ver.1.0";

    public static IReadOnlyList<LavaAction> Actions(LavaJobInputs inputs)
    {
        var platform = inputs.Request.Platform;
        var flashUrl = inputs.Param("flash_image_url") ?? platform.Extra?["flash_image"]?.ToString()
            ?? throw new InvalidJobParamsException($"platform '{platform.Name}': efi needs flash_image");
        var flashName = inputs.Param("flash_image_name") ?? flashUrl[(flashUrl.LastIndexOf('/') + 1)..];
        var dtbUrl = inputs.Dtb ?? throw new InvalidJobParamsException($"platform '{platform.Name}': efi needs a dtb");
        var dtb = dtbUrl[(dtbUrl.LastIndexOf('/') + 1)..];
        var ramdiskName = inputs.BootCommands == "ramdisk" && inputs.Param("ramdiskroot") is not null ? "rootfs.cpio.gz" : "initrd.cpio.gz";
        var steps = new List<string>();
        if (inputs.KernelType.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            steps.Add("gunzip Image.gz");
        }

        steps.AddRange(
        [
            $"generate_boot_bins.sh efi --ramdisk {ramdiskName} --systemd-boot /artifacts/systemd/usr/lib/systemd/boot/efi/systemd-bootaa64.efi "
                + "--stub /artifacts/systemd/usr/lib/systemd/boot/efi/linuxaa64.efi.stub --linux Image --cmdline \"console=ttyMSM0,115200n8 "
                + "copy-modules rootdelay=10 root=PARTLABEL=rootfs rw rootwait qcom_geni_serial.con_enabled=1\" --output images",
            $"generate_boot_bins.sh dtb --input {dtb} --output images",
            "export IMAGE_PATH=$PWD",
            "cp overlay*.tar.gz overlay.tar.gz",
            "echo \"OVERLAY=overlay.tar.gz\" >> $IMAGE_PATH/flash.settings",
            "echo \"OVERLAY_PATH=/\" >> $IMAGE_PATH/flash.settings",
            "echo \"ROOTFS_IMAGE=rootfs.img\" >> $IMAGE_PATH/flash.settings",
            "echo \"EFI=images/efi.bin\" >> $IMAGE_PATH/flash.settings",
            "echo \"DTB=images/dtb.bin\" >> $IMAGE_PATH/flash.settings",
            $"echo \"DEVICE_TYPE={platform.Name}\" >> $IMAGE_PATH/flash.settings",
            $"echo \"PORT={inputs.Param("flash_port") ?? "0"}\" >> $IMAGE_PATH/flash.settings",
            "cat $IMAGE_PATH/flash.settings",
        ]);
        var images = new Dictionary<string, LavaImage>
        {
            ["image"] = new(flashUrl),
            ["dtb"] = new(dtbUrl),
            ["kernel"] = new(inputs.Artifact("kernel")),
            ["ramdisk"] = Ramdisk.WithOverlays(inputs),
        };
        var flashed = new Dictionary<string, LavaImage>
        {
            ["image"] = new($"downloads://{flashName}"),
            ["settings"] = new("downloads://flash.settings"),
            ["overlay"] = new("downloads://overlay.tar.gz"),
        };
        return
        [
            new(Deploy: new LavaDeploy("downloads")
            {
                Images = images,
                Postprocess = new LavaPostprocess(new LavaPostprocessDocker(Image, steps)),
                Timeout = LavaTimeout.OfMinutes(30),
            }),
            new(Deploy: new LavaDeploy("flasher") { Images = flashed, Timeout = LavaTimeout.OfMinutes(15) }),
            new(Boot: new LavaBoot("minimal", BootActions.Prompts, LavaTimeout.OfMinutes(10))
            {
                FailureRetry = 3,
                Timeouts = BootActions.BootTimeouts(5, 5, null),
            }),
        ];
    }
}
