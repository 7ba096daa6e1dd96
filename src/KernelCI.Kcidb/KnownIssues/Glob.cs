using System.Text;
using System.Text.RegularExpressions;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>A shell-style pattern over a whole string: `*` any run of characters (dots included, so `baseline.*` is every
/// test under `baseline`), `?` one character, anything else itself. Compiled to a non-backtracking expression, since
/// patterns come from users.</summary>
internal static class Glob
{
    public static Regex Compile(string pattern)
    {
        var text = new StringBuilder("^");
        foreach (var c in pattern)
        {
            text.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(text.Append('$').ToString(), RegexOptions.NonBacktracking | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
