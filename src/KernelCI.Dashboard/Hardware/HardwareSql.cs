using System.Data.Common;
using KernelCI.Data;

namespace KernelCI.Dashboard.Hardware;

/// <summary>The hardware conditions in each database's SQL. The aggregates keep compatibles as JSON array text, empty
/// for none (KernelCI.Kcidb.Aggregates.DashboardAggregateSchema).</summary>
internal static class HardwareSql
{
    /// <summary>That an aggregate row's hardware is <paramref name="parameter"/>: its platform, or one of its
    /// compatibles (upstream: `environment_compatible @> ARRAY[id] OR environment_misc->>'platform' = id`).</summary>
    /// The compatibles are first searched as text for the JSON string of the hardware (<see cref="AddHardware"/>):
    /// most rows do not name it, and a substring search spares parsing their JSON (at 10,000,000 tests the hardware
    /// details' counts read about 6,000 aggregate rows of other hardware; docs/benchmarks.md, "Session 17").
    public static string AggregateIs(DatabaseKind kind, string alias, string parameter) =>
        $"({alias}.platform = @{parameter} OR ({alias}.compatibles <> '' AND {Position(kind)}({alias}.compatibles, @{parameter}_json) > 0"
        + $" AND {AggregateCompatiblesContain(kind, alias, parameter)}))";

    /// <summary>Adds the hardware as @<paramref name="parameter"/> and, for <see cref="AggregateIs"/>'s text search,
    /// as @<paramref name="parameter"/>_json: the JSON string the aggregate's compatibles hold it as
    /// (PostgreSQL's array_to_json and SQLite's json() leave every character but quotes, backslashes and control
    /// characters as they are). A hardware with one of those gets the empty text, which every text contains, so the
    /// JSON test alone decides.</summary>
    public static void AddHardware(DbCommand command, string parameter, string hardware)
    {
        command.AddParameter(parameter, hardware);
        command.AddParameter(parameter + "_json", hardware.Any(c => c is '"' or '\\' or < ' ') ? "" : "\"" + hardware + "\"");
    }

    private static string Position(DatabaseKind kind) => kind == DatabaseKind.Sqlite ? "instr" : "strpos";

    private static string AggregateCompatiblesContain(DatabaseKind kind, string alias, string parameter) => kind == DatabaseKind.Sqlite
        ? $"EXISTS (SELECT 1 FROM json_each(CASE WHEN {alias}.compatibles = '' THEN '[]' ELSE {alias}.compatibles END) WHERE json_each.value = @{parameter})"
        : $"jsonb_exists((CASE WHEN {alias}.compatibles = '' THEN '[]' ELSE {alias}.compatibles END)::jsonb, @{parameter})";

    /// <summary>The same for a tests row.</summary>
    public static string TestIs(Data.DashboardDb db, string alias, string parameter) =>
        $"({db.Sql.JsonText(alias + ".environment_misc", "platform")} = @{parameter} OR {db.Sql.ArrayContains(alias + ".environment_compatible", parameter)})";
}
