namespace KernelCI.Kcidb.Queries;

/// <summary>A validated list query.</summary>
internal sealed record ListRequest(
    ListSpec Spec,
    IReadOnlyList<(ListFilter Filter, string Value)> Filters,
    DateTime? Since,
    DateTime? Until,
    int Limit,
    PageCursor? Cursor);
