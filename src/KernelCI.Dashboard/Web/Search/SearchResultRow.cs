namespace KernelCI.Dashboard.Web.Search;

/// <summary>One hit of the search page: what it is, its title, where it is shown and what matched.</summary>
public sealed record SearchResultRow(string Kind, string Title, string Url, string Field, string Match, string? StartTime);
