using System.Buffers;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>Writes raw deflate (RFC 1951) with the fixed Huffman codes: literals and (length, distance) matches chosen
/// by the caller. Enough for tar headers, which are short, repetitive and compressed one by one between cached pieces;
/// a block always ends byte-aligned so that a piece compressed elsewhere can follow it in the same stream.</summary>
internal sealed class FixedDeflateWriter(IBufferWriter<byte> output)
{
    public const int MaxMatch = 258;
    public const int MaxDistance = 32768;

    private static readonly int[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly int[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly int[] DistanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly int[] DistanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    private ulong _bits;
    private int _count;

    public void BeginBlock(bool final)
    {
        WriteBits(final ? 1u : 0u, 1);
        WriteBits(1, 2);
    }

    public void Literal(byte value)
    {
        if (value < 144)
        {
            WriteCode(0x30u + value, 8);
        }
        else
        {
            WriteCode(0x190u + value - 144, 9);
        }
    }

    public void Match(int length, int distance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxMatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(distance, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(distance, MaxDistance);
        var lengthCode = Slot(LengthBase, length);
        var symbol = 257 + lengthCode;
        if (symbol < 280)
        {
            WriteCode((uint)(symbol - 256), 7);
        }
        else
        {
            WriteCode((uint)(0xC0 + symbol - 280), 8);
        }

        WriteBits((uint)(length - LengthBase[lengthCode]), LengthExtra[lengthCode]);
        var distanceCode = Slot(DistanceBase, distance);
        WriteCode((uint)distanceCode, 5);
        WriteBits((uint)(distance - DistanceBase[distanceCode]), DistanceExtra[distanceCode]);
    }

    /// <summary>Ends the block; a non-final block is followed by an empty stored block, which aligns the stream to a
    /// byte as zlib's sync flush does. A final block is padded to the byte.</summary>
    public void EndBlock(bool final)
    {
        WriteCode(0, 7);
        if (!final)
        {
            WriteBits(0, 3);
        }

        if (_count % 8 != 0)
        {
            WriteBits(0, 8 - _count % 8);
        }

        Drain();
        if (!final)
        {
            output.Write<byte>([0x00, 0x00, 0xFF, 0xFF]);
        }
    }

    private static int Slot(int[] bases, int value)
    {
        var slot = Array.BinarySearch(bases, value);
        return slot >= 0 ? slot : ~slot - 1;
    }

    // Huffman codes are defined most significant bit first, while deflate packs bits from the least significant.
    private void WriteCode(uint code, int length)
    {
        var reversed = 0u;
        for (var i = 0; i < length; i++)
        {
            reversed = (reversed << 1) | ((code >> i) & 1);
        }

        WriteBits(reversed, length);
    }

    private void WriteBits(uint value, int length)
    {
        _bits |= (ulong)value << _count;
        _count += length;
        if (_count >= 32)
        {
            Drain();
        }
    }

    private void Drain()
    {
        var whole = _count / 8;
        if (whole == 0)
        {
            return;
        }

        var span = output.GetSpan(whole);
        for (var i = 0; i < whole; i++)
        {
            span[i] = (byte)_bits;
            _bits >>= 8;
        }

        output.Advance(whole);
        _count -= whole * 8;
    }
}
