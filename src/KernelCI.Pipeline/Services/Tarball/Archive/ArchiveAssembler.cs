using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>Lays out one gzip member: the tar's own records compressed here, run by run, and between the runs the
/// cached pieces of file contents. The gzip trailer's CRC is combined from the runs' and the pieces' CRCs.</summary>
internal sealed class ArchiveAssembler
{
    private readonly ArrayBufferWriter<byte> _own = new(1 << 20);
    private readonly ArrayBufferWriter<byte> _run = new(1 << 16);
    private readonly List<bool> _runHeaders = [];
    private readonly List<ArchiveSegment> _segments = [];
    private readonly HeaderDeflater _deflater = new();
    private readonly FixedDeflateWriter _writer;
    private long _position;
    private uint _crc;

    public ArchiveAssembler()
    {
        _writer = new FixedDeflateWriter(_own);
        // gzip header: deflate, no name, no time, Unix.
        Own([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    }

    /// <summary>Tar bytes written so far (headers, contents, padding).</summary>
    public long Written => _position + _run.WrittenCount;

    /// <summary>Appends records; <paramref name="headerRecords"/> says which 512-byte records are ustar headers.</summary>
    public void Records(ReadOnlySpan<byte> records, params ReadOnlySpan<bool> headerRecords)
    {
        _run.Write(records);
        foreach (var isHeader in headerRecords)
        {
            _runHeaders.Add(isHeader);
        }
    }

    public void Piece(CachedPiece piece)
    {
        CloseRun(final: false);
        _segments.Add(new ArchiveSegment(true, piece.Offset, piece.Length));
        _crc = Crc32Math.Combine(_crc, piece.Crc, piece.PaddedSize);
        _position += piece.PaddedSize;
    }

    /// <summary>Ends the deflate stream and the gzip member; returns the compressed bytes made here and the segments.</summary>
    public (ReadOnlyMemory<byte> Own, IReadOnlyList<ArchiveSegment> Segments) Finish()
    {
        CloseRun(final: true);
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)_position);
        Own(trailer);
        return (_own.WrittenMemory, _segments);
    }

    private void CloseRun(bool final)
    {
        if (_run.WrittenCount == 0 && !final)
        {
            return;
        }

        var start = _own.WrittenCount;
        _deflater.Encode(_writer, _run.WrittenSpan, _runHeaders, _position, final);
        AddOwnSegment(start);
        _crc = Crc32Math.Combine(_crc, Crc32.HashToUInt32(_run.WrittenSpan), _run.WrittenCount);
        _position += _run.WrittenCount;
        _run.ResetWrittenCount();
        _runHeaders.Clear();
    }

    private void Own(ReadOnlySpan<byte> bytes)
    {
        var start = _own.WrittenCount;
        _own.Write(bytes);
        AddOwnSegment(start);
    }

    // Consecutive stretches of the own buffer are one segment.
    private void AddOwnSegment(int start)
    {
        var length = _own.WrittenCount - start;
        if (_segments.Count > 0 && _segments[^1] is { FromCache: false } last && last.Offset + last.Length == start)
        {
            _segments[^1] = last with { Length = last.Length + length };
        }
        else
        {
            _segments.Add(new ArchiveSegment(false, start, length));
        }
    }
}
