namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>A file's content as it appears in a tar (padded to 512 bytes), compressed on its own as a byte-aligned,
/// non-final deflate fragment: where it lies in the cache's data file, the file's size and the CRC-32 of the padded
/// content.</summary>
internal readonly record struct CachedPiece(long Offset, int Length, long Size, uint Crc)
{
    public long PaddedSize => TarHeaders.PaddedLength(Size);
}
