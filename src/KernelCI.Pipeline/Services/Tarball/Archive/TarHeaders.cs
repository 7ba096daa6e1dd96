using System.Text;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>The tar records `git archive --format=tar` writes (git's archive-tar.c, default tar.umask 002), byte for byte:
/// ustar headers with NUL-terminated octal fields, owner root, the commit time on every entry, the prefix/name split
/// for long paths and a pax record where that is not enough.</summary>
internal static class TarHeaders
{
    public const int Record = 512;
    public const int Blocking = Record * 20;

    /// <summary>The pax global header git writes first, naming the commit: its header record and its data.</summary>
    public static byte[] GlobalHeader(string commit, long time)
    {
        var pax = PaxRecord("comment", Encoding.ASCII.GetBytes(commit));
        var header = new byte[Record];
        Put(header, 0, 100, "pax_global_header"u8);
        header[156] = (byte)'g';
        Finish(header, 0x1B6, pax.Length, time);
        return [.. header, .. Padded(pax)];
    }

    /// <summary>The records of one entry: an optional pax header (long path or link target) and the ustar header.</summary>
    public static byte[] Entry(TreeEntry entry, string prefix, long time, long size, byte[]? linkTarget)
    {
        var path = Encoding.UTF8.GetBytes(entry.IsDirectory ? prefix + entry.Path + "/" : prefix + entry.Path);
        return Entry(path, entry, time, size, linkTarget);
    }

    /// <summary>The directory entry of the prefix itself (git archive --prefix=NAME/ writes it first).</summary>
    public static byte[] PrefixDirectory(string prefix, string rootTree, long time) =>
        Entry(Encoding.UTF8.GetBytes(prefix), new TreeEntry(0x4000, rootTree, prefix), time, 0, null);

    private static byte[] Entry(byte[] path, TreeEntry entry, long time, long size, byte[]? linkTarget)
    {
        var header = new byte[Record];
        var pax = new List<byte>();
        int mode;
        if (entry.IsDirectory)
        {
            header[156] = (byte)'5';
            mode = (0x4000 | 0x1FF) & ~0x2;
            size = 0;
        }
        else if (entry.IsSymbolicLink)
        {
            header[156] = (byte)'2';
            mode = entry.Mode | 0x1FF;
            size = 0;
        }
        else
        {
            header[156] = (byte)'0';
            mode = (entry.Mode | ((entry.Mode & 0x40) != 0 ? 0x1FF : 0x1B6)) & ~0x2;
        }

        if (path.Length > 100)
        {
            var split = PrefixLength(path, 155);
            var rest = path.Length - split - 1;
            if (split > 0 && rest <= 100)
            {
                Put(header, 345, 155, path.AsSpan(0, split));
                Put(header, 0, 100, path.AsSpan(split + 1, rest));
            }
            else
            {
                Put(header, 0, 100, Encoding.ASCII.GetBytes(entry.ObjectId + ".data"));
                pax.AddRange(PaxRecord("path", path));
            }
        }
        else
        {
            Put(header, 0, 100, path);
        }

        if (linkTarget is not null)
        {
            if (linkTarget.Length > 100)
            {
                Put(header, 157, 100, Encoding.ASCII.GetBytes("see " + entry.ObjectId + ".paxheader"));
                pax.AddRange(PaxRecord("linkpath", linkTarget));
            }
            else
            {
                Put(header, 157, 100, linkTarget);
            }
        }

        Finish(header, mode & 0xFFF, size, time);
        if (pax.Count == 0)
        {
            return header;
        }

        var paxHeader = new byte[Record];
        Put(paxHeader, 0, 100, Encoding.ASCII.GetBytes(entry.ObjectId + ".paxheader"));
        paxHeader[156] = (byte)'x';
        Finish(paxHeader, 0x1B6, pax.Count, time);
        return [.. paxHeader, .. Padded([.. pax]), .. header];
    }

    /// <summary>The zeros after the last entry: at least two records, up to the end of a 10 KiB block.</summary>
    public static int TrailerLength(long written)
    {
        var tail = Blocking - (int)(written % Blocking);
        return tail < 2 * Record ? tail + Blocking : tail;
    }

    public static long PaddedLength(long size) => (size + Record - 1) / Record * Record;

    // "%u %s=%s\n", where %u counts the whole record including itself.
    private static byte[] PaxRecord(string keyword, byte[] value)
    {
        var length = 1 + 1 + keyword.Length + 1 + value.Length + 1;
        for (var digits = length; digits > 9; digits /= 10)
        {
            length++;
        }

        return [.. Encoding.ASCII.GetBytes($"{length} {keyword}="), .. value, (byte)'\n'];
    }

    private static byte[] Padded(byte[] data) => [.. data, .. new byte[PaddedLength(data.Length) - data.Length]];

    // git's get_path_prefix: the longest leading part, at most maxLength bytes, that ends before a '/'.
    private static int PrefixLength(byte[] path, int maxLength)
    {
        var i = path.Length;
        if (i > 1 && path[i - 1] == '/')
        {
            i--;
        }

        i = Math.Min(i, maxLength);
        do
        {
            i--;
        }
        while (i > 0 && path[i] != '/');
        return i;
    }

    private static void Finish(byte[] header, int mode, long size, long time)
    {
        Octal(header, 100, 7, mode);
        Octal(header, 108, 7, 0);
        Octal(header, 116, 7, 0);
        Octal(header, 124, 11, size);
        Octal(header, 136, 11, time);
        Put(header, 265, 32, "root"u8);
        Put(header, 297, 32, "root"u8);
        Octal(header, 329, 7, 0);
        Octal(header, 337, 7, 0);
        Put(header, 257, 6, "ustar\0"u8);
        Put(header, 263, 2, "00"u8);
        var checksum = 8 * ' ';
        for (var i = 0; i < Record; i++)
        {
            checksum += i is >= 148 and < 156 ? 0 : header[i];
        }

        Octal(header, 148, 7, checksum);
    }

    // printf("%0*o") into a field of digits + 1 bytes, NUL-terminated as git's xsnprintf leaves it.
    private static void Octal(byte[] header, int offset, int digits, long value)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            header[offset + i] = (byte)('0' + (value & 7));
            value >>= 3;
        }

        header[offset + digits] = 0;
    }

    private static void Put(byte[] header, int offset, int length, ReadOnlySpan<byte> value) =>
        value[..Math.Min(value.Length, length)].CopyTo(header.AsSpan(offset, length));
}
