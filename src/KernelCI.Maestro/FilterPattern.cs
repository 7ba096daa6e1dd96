using System.Text.RegularExpressions;

namespace KernelCI.Maestro;

/// <summary>The regular expressions clients may send (`field__re=`, `/events?path=`). They are matched in linear time:
/// on SQLite by our REGEXP function with .NET's non-backtracking engine, on PostgreSQL by its own engine (an
/// automaton, but with limits of its own) under <see cref="PatternQuery"/>'s statement timeout. A pattern must
/// compile for the non-backtracking engine (so no backreferences, lookarounds or atomic groups, which PostgreSQL
/// would also run by backtracking) and be at most <see cref="MaxLength"/> characters; anything else is a 400 that
/// names the parameter.</summary>
internal static class FilterPattern
{
    public const int MaxLength = 512;

    public const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    public static string Require(string pattern, string parameter)
    {
        if (pattern.Length > MaxLength)
        {
            throw MaestroException.BadRequest($"{parameter}: regular expression longer than {MaxLength} characters");
        }

        try
        {
            _ = new Regex(pattern, Options);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw MaestroException.BadRequest($"{parameter}: invalid or unsupported regular expression: {e.Message}");
        }

        return pattern;
    }

    /// <summary>SQLite's REGEXP. Patterns were checked by <see cref="Require"/>; the static cache compiles each once
    /// per statement rather than once per row.</summary>
    public static bool SqliteRegexp(string pattern, string? input) => input is not null && Regex.IsMatch(input, pattern, Options);
}
