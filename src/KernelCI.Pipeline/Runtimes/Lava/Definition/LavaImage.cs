using YamlDotNet.Serialization;

namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>One file a deploy action downloads (kernel, ramdisk, dtb, modules, nfsrootfs, …).</summary>
internal sealed record LavaImage(string Url)
{
    public string? Type { get; init; }

    public string? Compression { get; init; }

    [YamlMember(Alias = "image_arg")]
    public string? ImageArg { get; init; }

    public string? Format { get; init; }

    public IReadOnlyDictionary<string, object>? Overlays { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
