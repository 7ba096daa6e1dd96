using System.Text;

namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>The file names a header field holds, read as GNU patch (pch.c `parse_name`) and git apply
/// (`unquote_c_style`) read them: a name in double quotes is C-escaped (`\056` is '.'), others end at whitespace.
/// Every whitespace-separated word is returned too, so a name patch might cut elsewhere is still checked.</summary>
internal static class PatchNames
{
    public static IReadOnlyList<string> In(string field)
    {
        var names = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < field.Length && char.IsWhiteSpace(field[i]))
            {
                i++;
            }

            if (i >= field.Length)
            {
                break;
            }

            if (field[i] == '"')
            {
                var (name, used) = Unquote(field.AsSpan(i));
                names.Add(name);
                i += used;
                continue;
            }

            var end = i;
            while (end < field.Length && !char.IsWhiteSpace(field[end]))
            {
                end++;
            }

            names.Add(field[i..end]);
            i = end;
        }

        var whole = field.Split('\t')[0].Trim();
        if (whole.Length > 0 && !whole.StartsWith('"'))
        {
            names.Add(whole);
        }

        return names;
    }

    /// <summary>The decoded name and how many characters (quotes included) it took; an unclosed quote runs to the end.</summary>
    private static (string Name, int Used) Unquote(ReadOnlySpan<char> quoted)
    {
        var bytes = new List<byte>();
        Span<byte> utf8 = stackalloc byte[4];
        var i = 1;
        while (i < quoted.Length && quoted[i] != '"')
        {
            if (quoted[i] != '\\' || i + 1 >= quoted.Length)
            {
                var width = char.IsHighSurrogate(quoted[i]) && i + 1 < quoted.Length ? 2 : 1;
                bytes.AddRange(utf8[..Encoding.UTF8.GetBytes(quoted.Slice(i, width), utf8)]);
                i += width;
                continue;
            }

            var c = quoted[i + 1];
            if (c is >= '0' and <= '7')
            {
                var value = 0;
                var digits = 0;
                while (digits < 3 && i + 1 + digits < quoted.Length && quoted[i + 1 + digits] is >= '0' and <= '7')
                {
                    value = value * 8 + (quoted[i + 1 + digits] - '0');
                    digits++;
                }

                bytes.Add((byte)value);
                i += 1 + digits;
                continue;
            }

            bytes.Add(c switch
            {
                'a' => 7, 'b' => 8, 't' => 9, 'n' => 10, 'v' => 11, 'f' => 12, 'r' => 13,
                _ => (byte)(c < 128 ? c : '?'),
            });
            i += 2;
        }

        return (Encoding.UTF8.GetString([.. bytes]), Math.Min(i + 1, quoted.Length));
    }
}
