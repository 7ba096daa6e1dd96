using System.Text;

namespace KernelCI.Client.Kcidb;

/// <summary>What `kcidb-query` selects: object ids (issues with their versions) and whether to add children and parents.</summary>
public sealed record KcidbQuery
{
    public IReadOnlyList<string> Checkouts { get; init; } = [];

    public IReadOnlyList<string> Builds { get; init; } = [];

    public IReadOnlyList<string> Tests { get; init; } = [];

    public IReadOnlyList<string> Incidents { get; init; } = [];

    public IReadOnlyList<(string Id, int Version)> Issues { get; init; } = [];

    public bool Children { get; init; }

    public bool Parents { get; init; }

    public string ToQueryString()
    {
        var query = new StringBuilder();
        Append(query, "checkout", Checkouts);
        Append(query, "build", Builds);
        Append(query, "test", Tests);
        Append(query, "incident", Incidents);
        Append(query, "issue", [.. Issues.Select(i => i.Id)]);
        Append(query, "issue_version", [.. Issues.Select(i => i.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Append(query, "children", Children ? ["true"] : []);
        Append(query, "parents", Parents ? ["true"] : []);
        return query.ToString();
    }

    private static void Append(StringBuilder query, string name, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            query.Append(query.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
