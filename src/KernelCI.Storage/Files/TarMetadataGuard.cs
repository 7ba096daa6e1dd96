using System.Buffers.Binary;
using System.Text;
using KernelCI.ServiceDefaults.IO;

namespace KernelCI.Storage.Files;

/// <summary>Passes a tar stream through to System.Formats.Tar's TarReader, following its blocks, and refuses a
/// metadata entry (PAX 'x'/'g', GNU long name 'L' / long link 'K') larger than <paramref name="maxMetadataBytes"/>
/// before TarReader sees its header: TarReader reads such an entry's whole data into one array, so a 512 MiB PAX
/// header would cost 512 MiB of memory. The walk follows TarReader's rules: a PAX 'size' record sets the data length
/// of the entry after it, and a header with a zero or empty checksum ends the archive.</summary>
internal sealed class TarMetadataGuard(Stream inner, int maxMetadataBytes) : ForwardReadStream
{
    private const int Block = 512;

    private readonly byte[] _header = new byte[Block];
    private int _headerFilled;
    private long _dataLeft;
    private byte[]? _pax;
    private int _paxFilled;
    private long? _nextSize;
    private int _entries;
    private bool _ended;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        // Checked before the bytes are returned: TarReader never gets the header of an entry refused here.
        Walk(buffer.Span[..read]);
        BytesRead += read;
        return read;
    }

    private void Walk(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0 && !_ended)
        {
            if (_dataLeft > 0)
            {
                var n = (int)Math.Min(_dataLeft, bytes.Length);
                if (_pax is not null && _paxFilled < _pax.Length)
                {
                    var copied = Math.Min(n, _pax.Length - _paxFilled);
                    bytes[..copied].CopyTo(_pax.AsSpan(_paxFilled));
                    _paxFilled += copied;
                }

                _dataLeft -= n;
                bytes = bytes[n..];
                if (_dataLeft == 0 && _pax is not null)
                {
                    _nextSize = PaxSize(_pax);
                    _pax = null;
                }

                continue;
            }

            var take = Math.Min(Block - _headerFilled, bytes.Length);
            bytes[..take].CopyTo(_header.AsSpan(_headerFilled));
            _headerFilled += take;
            bytes = bytes[take..];
            if (_headerFilled == Block)
            {
                _headerFilled = 0;
                OnHeader();
            }
        }
    }

    private void OnHeader()
    {
        var checksum = _header.AsSpan(148, 8);
        _entries++;
        if (!TryParseNumber(checksum, out var sum))
        {
            // Refused here rather than left to TarReader: a header this walk cannot follow must not pass unchecked.
            throw new InvalidDataException($"entry {_entries} has an invalid checksum field");
        }

        if (sum == 0)
        {
            // TarReader's end of the archive (an all-zero block, or a zero checksum): it reads nothing further.
            _ended = true;
            return;
        }

        if (!TryParseNumber(_header.AsSpan(124, 12), out var size) || size < 0)
        {
            throw new InvalidDataException($"entry {_entries} has an invalid size field");
        }

        var type = (char)_header[156];
        if (type is 'x' or 'g' or 'L' or 'K')
        {
            if (size > maxMetadataBytes)
            {
                throw new UploadRejectedException(400, $"Archive rejected: entry {_entries} ({Describe(type)} '{Name()}') is {size} bytes; "
                    + $"metadata entries may have at most {maxMetadataBytes} bytes");
            }

            _pax = type == 'x' && size > 0 ? new byte[size] : null;
            _paxFilled = 0;
        }
        else if (_nextSize is { } paxSize)
        {
            size = paxSize;
        }

        if (type != 'x')
        {
            _nextSize = null;
        }

        // A size near long.MaxValue is refused by the unpacker's entry limit before TarReader reads any of it.
        _dataLeft = size >= long.MaxValue - Block ? long.MaxValue : (size + Block - 1) / Block * Block;
    }

    private static string Describe(char type) => type switch
    {
        'x' => "PAX extended header",
        'g' => "PAX global header",
        'L' => "GNU long name",
        _ => "GNU long link name",
    };

    private string Name()
    {
        var field = _header.AsSpan(0, 100);
        var end = field.IndexOf((byte)0);
        return EntryNames.Quote(Encoding.UTF8.GetString(end < 0 ? field : field[..end]));
    }

    // Octal (NUL or space padded) or, with the high bit of the first byte set, GNU's base-256.
    private static bool TryParseNumber(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if ((field[0] & 0x80) != 0)
        {
            // The next bit is the sign: no size is negative.
            if ((field[0] & 0x40) != 0)
            {
                return false;
            }

            value = field[0] & 0x3F;
            foreach (var b in field[1..])
            {
                if (value > long.MaxValue >> 8)
                {
                    return false;
                }

                value = (value << 8) | b;
            }

            return true;
        }

        field = field.Trim(" \0"u8);
        foreach (var digit in field)
        {
            if (digit is < (byte)'0' or > (byte)'7' || value > long.MaxValue >> 3)
            {
                return false;
            }

            value = (value << 3) | (long)(digit - '0');
        }

        return true;
    }

    // Records are "LENGTH key=value\n"; only 'size' matters to the walk. TarReader refuses malformed ones itself.
    private static long? PaxSize(byte[] pax)
    {
        var rest = pax.AsSpan();
        while (rest.Length > 0)
        {
            var space = rest.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(rest[..space], out var length) || length <= space || length > rest.Length)
            {
                return null;
            }

            var record = rest[(space + 1)..length];
            if (record.StartsWith("size="u8) && long.TryParse(record[5..].TrimEnd((byte)'\n'), out var size))
            {
                return size;
            }

            rest = rest[length..];
        }

        return null;
    }
}
