namespace KernelCI.Maestro.Nodes;

/// <summary>A parsed /nodes request: conditions, sort keys (field, descending) and paging.</summary>
internal sealed record NodeQuery(
    IReadOnlyList<FilterCondition> Conditions,
    IReadOnlyList<(string Field, bool Descending)> Sort,
    int? Limit,
    int Offset);
