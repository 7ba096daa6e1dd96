using System.Text;

namespace KernelCI.Storage.Tests.Files;

/// <summary>Tar blocks written by hand, for archives TarWriter refuses to make (oversized or lying headers).</summary>
internal static class RawTar
{
    public const int Block = 512;

    public static byte[] Header(string name, char type, long size)
    {
        var header = new byte[Block];
        Encoding.ASCII.GetBytes(name).CopyTo(header, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(header, 100);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 108);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 116);
        Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0").CopyTo(header, 124);
        Encoding.ASCII.GetBytes("00000000000\0").CopyTo(header, 136);
        header[156] = (byte)type;
        Encoding.ASCII.GetBytes("ustar\0" + "00").CopyTo(header, 257);
        header.AsSpan(148, 8).Fill((byte)' ');
        var sum = header.Sum(b => b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        return header;
    }

    /// <summary>A PAX record, "LENGTH key=value\n", whose length counts its own digits.</summary>
    public static byte[] PaxRecord(string key, string value)
    {
        var body = $" {key}={value}\n";
        var length = body.Length + 1;
        while ((length.ToString(System.Globalization.CultureInfo.InvariantCulture) + body).Length != length)
        {
            length++;
        }

        return Encoding.UTF8.GetBytes(length.ToString(System.Globalization.CultureInfo.InvariantCulture) + body);
    }

    /// <summary>Data padded to whole blocks.</summary>
    public static byte[] Data(byte[] content) => [.. content, .. new byte[(Block - content.Length % Block) % Block]];

    public static byte[] End() => new byte[2 * Block];
}
