namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>Compresses the archive's own records (tar headers, pax records, the trailer) between cached pieces. Each
/// header is mostly the previous header again (same prefix, directory, mode, owner, time): it is encoded as matches
/// against that header at the same offsets, which deflate allows across blocks as long as it lies within the last
/// 32 KiB of output; runs of one byte (zeros) become distance-1 matches.</summary>
internal sealed class HeaderDeflater
{
    private readonly byte[] _previous = new byte[TarHeaders.Record];
    private long _previousAt = -1;

    /// <summary>Encodes <paramref name="run"/>, which starts at <paramref name="position"/> of the uncompressed stream, as
    /// one block. <paramref name="isHeader"/> tells, per 512-byte record, whether it is a ustar header.</summary>
    public void Encode(FixedDeflateWriter writer, ReadOnlySpan<byte> run, IReadOnlyList<bool> isHeader, long position, bool final)
    {
        writer.BeginBlock(final);
        var i = 0;
        while (i < run.Length)
        {
            var record = i / TarHeaders.Record;
            var offset = i % TarHeaders.Record;
            var length = 0;
            var distance = 0;
            if (isHeader[record] && _previousAt >= 0)
            {
                distance = (int)Math.Min(int.MaxValue, position + i - (_previousAt + offset));
                if (distance <= FixedDeflateWriter.MaxDistance)
                {
                    length = CommonLength(run[i..], _previous.AsSpan(offset), TarHeaders.Record - offset);
                }
            }

            if (length < 3 && i > 0)
            {
                distance = 1;
                length = RepeatLength(run[i..], run[i - 1]);
            }

            if (length >= 3)
            {
                writer.Match(length, distance);
            }
            else
            {
                writer.Literal(run[i]);
                length = 1;
            }

            for (var end = i + length; i < end; i++)
            {
                if (i % TarHeaders.Record == TarHeaders.Record - 1 && isHeader[i / TarHeaders.Record])
                {
                    var start = i - (TarHeaders.Record - 1);
                    run.Slice(start, TarHeaders.Record).CopyTo(_previous);
                    _previousAt = position + start;
                }
            }
        }

        writer.EndBlock(final);
    }

    private static int CommonLength(ReadOnlySpan<byte> run, ReadOnlySpan<byte> reference, int limit)
    {
        limit = Math.Min(Math.Min(limit, run.Length), FixedDeflateWriter.MaxMatch);
        return run[..limit].CommonPrefixLength(reference[..limit]);
    }

    private static int RepeatLength(ReadOnlySpan<byte> run, byte value)
    {
        var limit = Math.Min(run.Length, FixedDeflateWriter.MaxMatch);
        var differs = run[..limit].IndexOfAnyExcept(value);
        return differs < 0 ? limit : differs;
    }
}
