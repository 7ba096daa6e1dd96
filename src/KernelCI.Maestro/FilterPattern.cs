using System.Collections.Concurrent;
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

    /// <summary>SQLite's REGEXP, called once per row. Patterns were checked by <see cref="Require"/>; each is compiled
    /// once and kept (Regex's own static cache holds 15, which concurrent distinct patterns would thrash into one
    /// compilation per row). The cache is emptied when it reaches <see cref="MaxCached"/> patterns.</summary>
    public static bool SqliteRegexp(string pattern, string? input)
    {
        if (input is null)
        {
            return false;
        }

        if (!Compiled.TryGetValue(pattern, out var regex))
        {
            if (Compiled.Count >= MaxCached)
            {
                Compiled.Clear();
            }

            regex = Compiled.GetOrAdd(pattern, p => new Regex(p, Options));
        }

        return regex.IsMatch(input);
    }

    private const int MaxCached = 256;

    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);
}
