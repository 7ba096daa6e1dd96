namespace KernelCI.Dashboard.Web.Search;

/// <summary>The search page: the words searched (empty: just the box) and the hits, best first.</summary>
public sealed record SearchView(string Query, IReadOnlyList<SearchResultRow> Hits);
