using Microsoft.Win32.SafeHandles;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>A .tar.gz as a list of segments: compressed headers made for this commit, and cached pieces read from the
/// cache's data file when the archive is read. Reading it again (an upload retry) gives the same bytes.</summary>
internal sealed class ArchivePlan(ReadOnlyMemory<byte> own, IReadOnlyList<ArchiveSegment> segments, SafeFileHandle cache)
{
    public long Length { get; } = segments.Sum(s => (long)s.Length);

    /// <summary>Files whose piece came from the cache, and files compressed for this commit.</summary>
    public int Reused { get; init; }

    public int Compressed { get; init; }

    public Stream OpenRead() => new ArchivePlanStream(own, segments, cache);
}
