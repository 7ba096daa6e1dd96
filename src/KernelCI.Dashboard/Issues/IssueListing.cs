namespace KernelCI.Dashboard.Issues;

/// <summary>GET issue/'s answer (upstream's IssueListingResponse): the issues, the first incident of each by id, and
/// the values the filters can offer.</summary>
internal sealed record IssueListing(IReadOnlyList<IssueRow> Issues, IReadOnlyDictionary<string, Incident> Extras, IssueListingFilters Filters);
