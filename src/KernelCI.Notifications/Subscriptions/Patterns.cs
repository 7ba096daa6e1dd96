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

    // NonBacktracking: a pattern is anyone's input and is matched against every regression; with backtracking,
    // `*a*a*a…` against a long path takes exponential time, the timeout throws, and the feed reader would retry the
    // same page for ever, stopping every mail. Linear time needs no timeout.
    private const RegexOptions Safe = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    public static bool PathMatches(string pattern, string path) =>
        Regex.IsMatch(path, "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", Safe);

    public static bool FileMatches(string pattern, string file)
    {
        var body = string.Concat(pattern.Select(c => c switch
        {
            '*' => "[^/]*",
            '?' => "[^/]",
            _ => Regex.Escape(c.ToString()),
        }));
        return Regex.IsMatch(file, "^" + body + (pattern.EndsWith('/') ? "" : "$"), Safe);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-.*+]+$")]
    private static partial Regex TestPath();

    [GeneratedRegex(@"^[A-Za-z0-9_\-.,+*?/]+$")]
    private static partial Regex FilePath();
}
