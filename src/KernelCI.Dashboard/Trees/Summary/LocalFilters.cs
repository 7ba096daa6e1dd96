namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>A tab's filter values; issues are `[id, version]` pairs, as upstream's tuples.</summary>
internal sealed record LocalFilters(IReadOnlyList<object?[]> Issues, IReadOnlyList<string> Origins, bool HasUnknownIssue, IReadOnlyList<string> Labs);
