using KernelCI.Pipeline.Runtimes.Lava.Definition;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>The deploy and boot actions for a platform's boot_method, with the facts of kernelci-core's boot templates
/// (kernelci/kernelci-core:config/runtime/boot/*.jinja2): boot retried 3 times, prompts `/ #` and `~ #`, 20 minutes to
/// boot with 3 for the bootloader, 6 for auto-login and 2 for login.</summary>
internal static class BootActions
{
    public static readonly IReadOnlyList<string> Prompts = ["/ #", "~ #"];

    public static IReadOnlyList<string> Methods => ["qemu", "u-boot", "grub", "depthcharge", "fastboot", "barebox", "efi", "ipxe"];

    public static IReadOnlyList<LavaAction> For(LavaJobInputs inputs) => inputs.Request.Platform.BootMethod switch
    {
        "qemu" => QemuBoot.Actions(inputs),
        "u-boot" or "barebox" or "ipxe" or "grub" or "depthcharge" => TftpBoot.Actions(inputs),
        "fastboot" => FastbootBoot.Actions(inputs),
        "efi" => EfiBoot.Actions(inputs),
        var other => throw new InvalidJobParamsException(
            $"platform '{inputs.Request.Platform.Name}': boot_method '{other}' is not one of {string.Join(", ", Methods)}"),
    };

    public static Dictionary<string, LavaTimeout> BootTimeouts(int bootloader, int autoLogin, int? login) =>
        login is { } l
            ? new() { ["bootloader-commands"] = LavaTimeout.OfMinutes(bootloader), ["auto-login-action"] = LavaTimeout.OfMinutes(autoLogin), ["login-action"] = LavaTimeout.OfMinutes(l) }
            : new() { ["bootloader-commands"] = LavaTimeout.OfMinutes(bootloader), ["auto-login-action"] = LavaTimeout.OfMinutes(autoLogin) };

    /// <summary>The kernel's LAVA type: the image name lowercased without `.gz` (bzimage, image, zimage, uimage).</summary>
    public static LavaImage Kernel(LavaJobInputs inputs, bool typed = true)
    {
        var type = inputs.KernelType.ToLowerInvariant();
        var gz = type.EndsWith(".gz", StringComparison.Ordinal);
        return new LavaImage(inputs.Artifact("kernel"))
        {
            Type = typed ? type.Replace(".gz", "", StringComparison.Ordinal) : null,
            Compression = typed && gz ? "gz" : null,
        };
    }

    public static LavaImage? Modules(LavaJobInputs inputs) =>
        inputs.OptionalArtifact("modules") is { } url ? new LavaImage(url) { Compression = "xz" } : null;
}
