namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>A deploy action: where to (tmpfs, tftp, downloads, download, flasher, fastboot) and what.</summary>
internal sealed record LavaDeploy(string To)
{
    public string? Namespace { get; init; }

    public LavaImage? Kernel { get; init; }

    public LavaImage? Modules { get; init; }

    public LavaImage? Dtb { get; init; }

    public LavaImage? Ramdisk { get; init; }

    public LavaImage? Nfsrootfs { get; init; }

    public IReadOnlyDictionary<string, LavaImage>? Images { get; init; }

    public LavaPostprocess? Postprocess { get; init; }

    public LavaDocker? Docker { get; init; }

    public string? Os { get; init; }

    public LavaTimeout? Timeout { get; init; }
}
