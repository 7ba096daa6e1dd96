namespace KernelCI.Storage.Files;

/// <summary>One regular file unpacked from an archive into the spool, waiting to be stored as <paramref name="Name"/>.</summary>
internal sealed record ArchiveEntry(string Name, string SpoolPath, long Length);
