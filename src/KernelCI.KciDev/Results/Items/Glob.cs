using System.Text;
using System.Text.RegularExpressions;

namespace KernelCI.KciDev.Results.Items;

/// <summary>Shell-style patterns as upstream's filters match them with Python's `fnmatch` on Linux
/// (kernelci/kci-dev:kcidev/libs/filters.py): `*`, `?`, `[abc]`, `[!abc]`, the whole value, case-sensitive.</summary>
internal static class Glob
{
    public static Regex ToRegex(string pattern) => new("^" + Translate(pattern) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>The regular expression text of one pattern, without anchors.</summary>
    public static string Translate(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var close = c == '[' ? pattern.IndexOf(']', i + (i + 1 < pattern.Length && pattern[i + 1] == '!' ? 3 : 2)) : -1;
            if (c == '*')
            {
                regex.Append(".*");
            }
            else if (c == '?')
            {
                regex.Append('.');
            }
            else if (close > 0)
            {
                var set = pattern[(i + 1)..close];
                regex.Append('[').Append(set.StartsWith('!') ? "^" + Escape(set[1..]) : Escape(set)).Append(']');
                i = close;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }

    // Inside a class only the backslash and `^`, `[` need escaping; `-` keeps its range meaning, as fnmatch's.
    private static string Escape(string set) => set.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal)
        .Replace("^", "\\^", StringComparison.Ordinal);
}
