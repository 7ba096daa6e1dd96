using YamlDotNet.Serialization;

namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>A boot action: the method (qemu, u-boot, grub, depthcharge, fastboot, barebox, minimal, ipxe), its
/// commands, the prompts that mean the DUT is up, and retries of failed boots.</summary>
internal sealed record LavaBoot(string Method, IReadOnlyList<string> Prompts, LavaTimeout Timeout)
{
    public string? Namespace { get; init; }

    public string? Commands { get; init; }

    public string? Media { get; init; }

    public LavaDocker? Docker { get; init; }

    [YamlMember(Alias = "failure_retry")]
    public int? FailureRetry { get; init; }

    public IReadOnlyDictionary<string, LavaTimeout>? Timeouts { get; init; }
}
