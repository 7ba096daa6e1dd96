using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>A "pattern" keyword's regular expression, searched for (not fully matched) in a string.</summary>
internal abstract class StringPattern(string source)
{
    private static readonly ConcurrentDictionary<string, StringPattern> Cache = new(StringComparer.Ordinal);

    public string Source => source;

    public static StringPattern For(string source) => Cache.GetOrAdd(source, Create);

    /// <summary>Decides on unescaped UTF-8 directly, or returns null to ask for the decoded characters.</summary>
    public virtual bool? TryMatchUtf8(ReadOnlySpan<byte> utf8) => null;

    public abstract bool IsMatch(ReadOnlySpan<char> value);

    // The two patterns on nearly every string are answered without a regex.
    private static StringPattern Create(string source) => source switch
    {
        NoNulPattern.Expression => new NoNulPattern(),
        IdPattern.Expression => new IdPattern(),
        _ => new RegexPattern(source, new Regex(source, RegexOptions.CultureInvariant | RegexOptions.Compiled), Utf8Patterns.For(source)),
    };
}
