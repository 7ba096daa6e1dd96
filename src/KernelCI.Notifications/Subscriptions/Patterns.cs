using System.Text.RegularExpressions;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>The two pattern languages of subscriptions. A test path pattern is a dotted KCIDB path with `*` for any
/// run of characters (`baseline.*`, `kselftest.*.mm*`), compared whole. A files pattern is a MAINTAINERS `F:` entry:
/// a path in the kernel tree relative to its top, `*` and `?` within one component, a trailing `/` for everything
/// below a directory (`drivers/net/`, `arch/*/kvm/`).</summary>
internal static partial class Patterns
{
    public static string? PathError(string pattern) =>
        pattern.Length > 256 ? "longer than 256 characters"
        : !TestPath().IsMatch(pattern) ? "only letters, digits, '_', '-', '.', '*' and '+' are allowed"
        : pattern.StartsWith('.') || pattern.EndsWith('.') || pattern.Contains("..", StringComparison.Ordinal) ? "an empty path component"
        : null;

    public static string? FilesError(string pattern) =>
        pattern.Length > 256 ? "longer than 256 characters"
        : pattern.StartsWith('/') ? "must be relative to the top of the tree"
        : !FilePath().IsMatch(pattern) ? "only letters, digits, '_', '-', '.', ',', '+', '*', '?' and '/' are allowed"
        : pattern.Split('/').SkipLast(1).Any(p => p.Length == 0 || p is "." or "..") ? "an empty, '.' or '..' path component"
        : null;

    // A pattern is anyone's input and is matched against every regression, for every subscription: no backtracking
    // (`*a*a*a…` against a long path is exponential with it, and the feed reader would retry that page for ever,
    // stopping every mail), and no Regex built per pattern either (Regex's cache keeps 15; with 10,000 subscriptions
    // each regression built 10,000 NonBacktracking automata, 20-40 s a regression in `./bench.sh notify`).
    public static bool PathMatches(string pattern, string path) => Glob(pattern, path, question: false);

    /// <summary>Upstream's subscription files give paths as SQL LIKE patterns (`rt-tests%`): `%` any run, `_` one
    /// character.</summary>
    public static bool LikeMatches(string pattern, string path) => Glob(pattern.Replace('%', '*').Replace('_', '?'), path, question: true);

    public static bool FileMatches(string pattern, string file)
    {
        // `*` and `?` stay within one component, so the file is compared component by component; a trailing `/`
        // matches everything below the directory.
        var below = pattern.EndsWith('/');
        var parts = (below ? pattern[..^1] : pattern).Split('/');
        var names = file.Split('/');
        if (below ? names.Length <= parts.Length : names.Length != parts.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!Glob(parts[i], names[i], question: true))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>`*` for any run of characters (and `?` for one when <paramref name="question"/>), the rest literal,
    /// matched whole: the greedy scan that returns to the last star, at worst pattern × text steps.</summary>
    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool question)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && (pattern[p] == text[t] || (question && pattern[p] == '?')))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-.*+]+$")]
    private static partial Regex TestPath();

    [GeneratedRegex(@"^[A-Za-z0-9_\-.,+*?/]+$")]
    private static partial Regex FilePath();
}
