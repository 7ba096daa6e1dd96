namespace KernelCI.Bench.Storage;

/// <summary>The sources of the uploads. <paramref name="DiskWriteMBps"/> is how fast this disk took the 1 GiB file
/// with fsync: the ceiling of a durable upload.</summary>
internal sealed record TestFiles(string MibPath, string? GibPath, IReadOnlyList<SmallFile> Small, double? DiskWriteMBps)
{
    public const int Mib = 1 << 20;
    public const long Gib = 1L << 30;
}
