namespace KernelCI.Dashboard.Search;

internal sealed record SearchReply(string Query, IReadOnlyList<SearchHit> Hits);
