using System.Text;

namespace KernelCI.Client.Maestro;

/// <summary>Builds the filter query of /nodes, /nodes/fast and /count: `field=value`, `field__op=value`, `sort`, paging.</summary>
public sealed class NodeFilter
{
    private readonly List<KeyValuePair<string, string>> _terms = [];

    public NodeFilter Where(string field, string? value) => Add(field, value ?? "null");

    public NodeFilter Where(string field, string op, string? value) => Add($"{field}__{op}", value ?? "null");

    public NodeFilter Where(string field, string op, DateTime value) =>
        Add($"{field}__{op}", value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture));

    public NodeFilter In(string field, params string[] values) => Add($"{field}__in", string.Join(',', values));

    public NodeFilter SortBy(string field, bool descending = false) => Add("sort", (descending ? "-" : "") + field);

    public NodeFilter Limit(int limit) => Add("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public NodeFilter Offset(int offset) => Add("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string ToQueryString()
    {
        var query = new StringBuilder();
        foreach (var (key, value) in _terms)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.ToString();
    }

    public override string ToString() => ToQueryString();

    private NodeFilter Add(string key, string value)
    {
        _terms.Add(new(key, value));
        return this;
    }
}
