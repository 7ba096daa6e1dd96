namespace KernelCI.Kcidb.Aggregates;

/// <summary>How a test row maps to <c>dash_build_tests</c>'s key, in each database's SQL, for a tests table (or a
/// staging table with its columns) aliased <c>t</c>. A boot is a test whose path is <c>boot</c> or starts with
/// <c>boot.</c>, as upstream's dashboard decides (dashboard.md §1.1); the path group is the path up to its first dot.</summary>
internal sealed record TestDimensions(string IsBoot, string PathGroup, string Platform, string Compatibles, string Lab, string Status)
{
    public static TestDimensions Sqlite { get; } = new(
        IsBoot: "CASE WHEN t.path = 'boot' OR substr(t.path, 1, 5) = 'boot.' THEN 1 ELSE 0 END",
        PathGroup: "CASE WHEN t.path IS NULL THEN '' WHEN instr(t.path, '.') > 0 THEN substr(t.path, 1, instr(t.path, '.') - 1) ELSE t.path END",
        Platform: "COALESCE(CAST(json_extract(t.environment_misc, '$.platform') AS TEXT), '')",
        Compatibles: "CASE WHEN json_array_length(t.environment_compatible) > 0 THEN json(t.environment_compatible) ELSE '' END",
        Lab: "COALESCE(CAST(json_extract(t.misc, '$.runtime') AS TEXT), '')",
        Status: "COALESCE(t.status, 'NULL')");

    public static TestDimensions PostgreSql { get; } = new(
        IsBoot: "CASE WHEN t.path = 'boot' OR left(t.path, 5) = 'boot.' THEN 1 ELSE 0 END",
        PathGroup: "COALESCE(split_part(t.path, '.', 1), '')",
        Platform: "COALESCE(t.environment_misc->>'platform', '')",
        Compatibles: "CASE WHEN cardinality(t.environment_compatible) > 0 THEN array_to_json(t.environment_compatible)::text ELSE '' END",
        Lab: "COALESCE(t.misc->>'runtime', '')",
        Status: "COALESCE(t.status::text, 'NULL')");

    /// <summary>The key columns in <c>dash_build_tests</c>'s order after build_id and origin.</summary>
    public string Select => $"{IsBoot} AS is_boot, {PathGroup} AS path_group, {Platform} AS platform, {Compatibles} AS compatibles, {Lab} AS lab, {Status} AS status";
}
