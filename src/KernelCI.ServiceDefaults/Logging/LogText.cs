using System.Buffers;
using System.Globalization;
using System.Text;

namespace KernelCI.ServiceDefaults.Logging;

/// <summary>Escapes control characters in log text. Logged values come from requests (paths, names, token claims,
/// user agents), and a raw newline forges a log line, an ESC drives the operator's terminal.</summary>
public static class LogText
{
    // C0, DEL, C1, and the Unicode line and paragraph separators that some viewers break lines at.
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)) + "\u2028\u2029");

    public static bool NeedsEscaping(ReadOnlySpan<char> text) => text.ContainsAny(Unsafe);

    /// <summary>The text with \n, \r, \t and every other control character written as an escape; the text itself
    /// (no copy) when it has none, which is nearly always.</summary>
    public static string Escape(string text) => NeedsEscaping(text) ? Append(new StringBuilder(text.Length + 16), text).ToString() : text;

    public static StringBuilder Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            var next = text.IndexOfAny(Unsafe);
            if (next < 0)
            {
                return builder.Append(text);
            }

            builder.Append(text[..next]);
            _ = text[next] switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                var c when c < 0x100 => builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                var c => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            };
            text = text[(next + 1)..];
        }

        return builder;
    }
}
