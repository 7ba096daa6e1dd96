using System.Text;

namespace KernelCI.Dashboard.Search;

/// <summary>A prefix as an index range: every text starting with <see cref="From"/> sorts in [From, Until) in code-point
/// order (SQLite's BINARY collation, PostgreSQL's C and C.UTF-8), so a lookup is a range scan of an ordinary btree,
/// never a LIKE that reads the whole index.</summary>
internal sealed record Prefix(string From, string Until)
{
    public static Prefix Of(string text) => new(text, Next(text));

    // The smallest text greater than every text starting with `text`: its last code point plus one (surrogates skipped);
    // a last code point that cannot grow is dropped and the one before it grows instead.
    private static string Next(string text)
    {
        var runes = text.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last < 0x10FFFF)
            {
                runes.Add(new Rune(last + 1 == 0xD800 ? 0xE000 : last + 1));
                break;
            }
        }

        var next = new StringBuilder();
        foreach (var rune in runes)
        {
            next.Append(rune.ToString());
        }

        // Only a text made of U+10FFFF alone has no successor; nothing real starts with it, so the range is empty.
        return runes.Count == 0 ? text : next.ToString();
    }
}
