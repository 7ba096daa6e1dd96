using KernelCI.Data;

namespace KernelCI.Dashboard.Hardware;

/// <summary>The hardware conditions in each database's SQL. The aggregates keep compatibles as JSON array text, empty
/// for none (KernelCI.Kcidb.Aggregates.DashboardAggregateSchema).</summary>
internal static class HardwareSql
{
    /// <summary>That an aggregate row's hardware is <paramref name="parameter"/>: its platform, or one of its
    /// compatibles (upstream: `environment_compatible @> ARRAY[id] OR environment_misc->>'platform' = id`).</summary>
    public static string AggregateIs(DatabaseKind kind, string alias, string parameter) =>
        $"({alias}.platform = @{parameter} OR ({alias}.compatibles <> '' AND {AggregateCompatiblesContain(kind, alias, parameter)}))";

    private static string AggregateCompatiblesContain(DatabaseKind kind, string alias, string parameter) => kind == DatabaseKind.Sqlite
        ? $"EXISTS (SELECT 1 FROM json_each(CASE WHEN {alias}.compatibles = '' THEN '[]' ELSE {alias}.compatibles END) WHERE json_each.value = @{parameter})"
        : $"jsonb_exists((CASE WHEN {alias}.compatibles = '' THEN '[]' ELSE {alias}.compatibles END)::jsonb, @{parameter})";

    /// <summary>The same for a tests row.</summary>
    public static string TestIs(Data.DashboardDb db, string alias, string parameter) =>
        $"({db.Sql.JsonText(alias + ".environment_misc", "platform")} = @{parameter} OR {db.Sql.ArrayContains(alias + ".environment_compatible", parameter)})";
}
