namespace KernelCI.Dashboard.Search;

/// <summary>What one `q` is looked up as. An abbreviated hash needs 4 hex digits, as git's shortest; ids are searched
/// by prefix from 4 characters on, and also as Maestro's ids (`maestro:` + q) when q names no origin, since the
/// pipeline shows node ids without it (in lower case, as Maestro writes them, when q is hex).</summary>
internal sealed record SearchTerms(string Text, string? Hash, IReadOnlyList<string> Ids, bool IdPrefixes)
{
    public const int MinPrefix = 4;

    public const int MaxLength = 200;

    public static SearchTerms From(string text)
    {
        var hash = text.Length >= MinPrefix && text.All(char.IsAsciiHexDigit) ? text.ToLowerInvariant() : null;
        IReadOnlyList<string> ids = text.Contains(':', StringComparison.Ordinal) ? [text] : [text, "maestro:" + (hash ?? text)];
        return new SearchTerms(text, hash, ids, text.Length >= MinPrefix);
    }
}
