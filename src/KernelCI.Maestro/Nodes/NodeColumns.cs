namespace KernelCI.Maestro.Nodes;

/// <summary>Node fields kept in their own indexed columns; everything else is read from the JSON document.</summary>
internal static class NodeColumns
{
    public static readonly HashSet<string> Text =
    [
        "id", "kind", "name", "group", "parent", "state", "result", "owner", "submitter", "treeid",
        "created", "updated", "timeout", "holdoff",
    ];

    public const string Bool = "processed_by_kcidb_bridge";

    public const string Int = "retry_counter";

    public static bool IsColumn(string field) => Text.Contains(field) || field is Bool or Int;
}
