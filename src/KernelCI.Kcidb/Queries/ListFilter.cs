namespace KernelCI.Kcidb.Queries;

/// <summary>An equality filter of a list endpoint: query parameter, column, and the values allowed (null: any).</summary>
internal sealed record ListFilter(string Parameter, string Column, IReadOnlyList<string>? Allowed = null)
{
    public static IReadOnlyList<string> Statuses { get; } = ["FAIL", "ERROR", "MISS", "PASS", "DONE", "SKIP"];
}
