namespace KernelCI.Maestro.Nodes;

/// <summary>Which sort keys a query may use. A key with an index (see MaestroMigrations) is read in order and a LIMIT
/// stops early; any other key makes the database read and sort every matching node, which on the public /nodes was a
/// full scan per request (0.25 s at 61,000 nodes, growing with the table). So other keys are refused unless an
/// equality on a selective field (one parent's children, one tree, one commit) bounds the rows to sort.</summary>
internal static class NodeSortRule
{
    public static readonly HashSet<string> Indexed =
    [
        "id", "created", "kind", "name", "state", "parent", "treeid", "timeout", "holdoff",
        "data.kernel_revision.commit", "data.kernel_revision.tree", "data.kernel_revision.url", "data.platform", "data.arch",
    ];

    public static readonly string[] Selective = ["id", "parent", "treeid", "data.kernel_revision.commit"];

    public static void Check(IReadOnlyList<FilterCondition> conditions, IReadOnlyList<(string Field, bool Descending)> sort)
    {
        var bounded = conditions.Any(c => c.Operator is "eq" && c.Value is not null && Selective.Contains(c.Field));
        foreach (var (field, _) in sort)
        {
            if (!bounded && !Indexed.Contains(field))
            {
                throw MaestroException.BadRequest(
                    $"sort: '{field}' has no index; sort on {string.Join(", ", Indexed)}, or filter by {string.Join(", ", Selective)} as well");
            }
        }
    }
}
