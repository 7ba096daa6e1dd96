namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>A stretch of the compressed archive: bytes of the plan's own buffer or of the piece cache's data file.</summary>
internal readonly record struct ArchiveSegment(bool FromCache, long Offset, int Length);
