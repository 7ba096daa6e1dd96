namespace KernelCI.Pipeline.Config;

/// <summary>Root file system URLs with `{brarch}` / `{debarch}` placeholders.</summary>
public sealed record RootfsConfig(string Name, string? RootfsType, string? Ramdisk, string? Nfsroot, string? Ramdiskroot,
    string? Rootfs = null);
