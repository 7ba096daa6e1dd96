using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Config;

/// <summary>A device type: arch (default x86_64), boot_method (grub), mach (x86), dtb, compatible, base_name (the LAVA
/// device type), context and params;
/// <see cref="Extra"/> keeps lab-specific keys upstream's files use (flash_image, …).</summary>
public sealed record PlatformConfig(string Name, string Arch, string BootMethod, string Mach, string? Dtb,
    IReadOnlyList<string> Compatible, string? BaseName, JsonObject Context, JsonObject Params, Rules Rules,
    JsonObject? Extra = null);
