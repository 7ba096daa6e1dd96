using System.Text;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Shared;

/// <summary>A page's address and query string, from which its links to itself are made: every page state lives in the
/// URL (docs/dashboard.md, "Design"), so a filter, a tab or a page of rows is one link changing one parameter.</summary>
public sealed class PageLink
{
    private readonly List<KeyValuePair<string, string>> _query;

    public PageLink(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        Path = path;
        _query = [.. query];
    }

    /// <summary>The escaped path, e.g. `/tree/next/pending-fixes%2Fsub/3333…`.</summary>
    public string Path { get; }

    internal static PageLink From(string path, IQueryCollection query) =>
        new(path, query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));

    public string? Get(string key) => _query.LastOrDefault(q => q.Key == key).Value is { Length: > 0 } value ? value : null;

    /// <summary>This page with <paramref name="changes"/> applied: a null value removes the parameter.</summary>
    public string With(params (string Key, string? Value)[] changes)
    {
        var keys = changes.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var pairs = _query.Where(q => !keys.Contains(q.Key))
            .Concat(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string>(c.Key, c.Value!)));
        return Build(Path, pairs);
    }

    /// <summary>This page's query string carried over to another path (redirects keep the parameters they were given).</summary>
    public string At(string path) => Build(path, _query);

    private static string Build(string path, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var text = new StringBuilder(path);
        var separator = '?';
        foreach (var (key, value) in pairs)
        {
            text.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return text.ToString();
    }
}
