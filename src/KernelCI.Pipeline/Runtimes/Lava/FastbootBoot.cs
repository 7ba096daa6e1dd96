using KernelCI.Pipeline.Runtimes.Lava.Definition;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>boot_method fastboot (kernelci/kernelci-core:config/runtime/boot/fastboot.jinja2): the kernel, dtb and
/// ramdisk (with LAVA's overlay and the modules) are downloaded, packed into boot.img by mkbootimg in a container, and
/// flashed. The command line is baked into boot.img, so there is no NFS boot here, as upstream.</summary>
internal static class FastbootBoot
{
    private const string CommandLine = "console=ttyMSM0,115200n8 earlycon qcom_geni_serial.con_enabled=1 mem_sleep_default=s2idle mitigations=auto video=efifb:off";

    public static IReadOnlyList<LavaAction> Actions(LavaJobInputs inputs)
    {
        var dtbUrl = inputs.Dtb ?? throw new InvalidJobParamsException($"platform '{inputs.Request.Platform.Name}': fastboot needs a dtb");
        var dtb = dtbUrl[(dtbUrl.LastIndexOf('/') + 1)..];
        var gz = inputs.KernelType.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var appended = inputs.Param("fastboot_boot_image_format") == "appended-dtb";
        var kernelImage = gz ? "Image.gz" : "Image";
        var bootKernel = appended ? kernelImage + "+dtb" : "Image";
        var steps = new List<string>();
        if (appended)
        {
            steps.Add($"cat {kernelImage} {dtb} > {bootKernel}");
            steps.Add($"mkbootimg --kernel {bootKernel} --cmdline \"{CommandLine}\" --ramdisk rootfs.cpio.gz --pagesize "
                + $"{inputs.Param("fastboot_mkbootimg_pagesize") ?? "4096"} --base {inputs.Param("fastboot_mkbootimg_base") ?? "0x80000000"} --output boot.img");
        }
        else
        {
            if (gz)
            {
                steps.Add("gunzip Image.gz");
            }

            steps.Add($"mkbootimg --header_version 2 --kernel Image --dtb {dtb} --cmdline \"{CommandLine}\" --ramdisk rootfs.cpio.gz --output boot.img");
        }

        var docker = inputs.Param("fastboot_docker_image") is { } image ? new LavaDocker(image) : null;
        var images = new Dictionary<string, LavaImage>
        {
            ["image"] = new(inputs.Artifact("kernel")),
            ["dtb"] = new(dtbUrl),
            ["ramdisk"] = Ramdisk.WithOverlays(inputs),
        };
        return
        [
            new(Deploy: new LavaDeploy("downloads")
            {
                Images = images,
                Postprocess = new LavaPostprocess(new LavaPostprocessDocker("ghcr.io/mwasilew/docker-mkbootimage:master", steps)),
            }),
            new(Deploy: new LavaDeploy(docker is null ? "download" : "fastboot")
            {
                Images = new Dictionary<string, LavaImage> { ["boot"] = new("downloads://boot.img") },
                Docker = docker,
                Timeout = LavaTimeout.OfMinutes(2),
            }),
            new(Boot: new LavaBoot("fastboot", BootActions.Prompts, LavaTimeout.OfMinutes(10))
            {
                FailureRetry = 3,
                Docker = docker,
                Timeouts = BootActions.BootTimeouts(3, 2, null),
            }),
        ];
    }
}
