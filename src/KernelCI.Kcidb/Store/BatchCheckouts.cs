using System.Text.Json;
using KernelCI.Data;

namespace KernelCI.Kcidb.Store;

/// <summary>The checkouts a batch touched when the dashboard's aggregates are off (<c>Kcidb:DashboardAggregates=false</c>):
/// those of the builds it wrote and of its tests' builds, read after the upserts. With the aggregates the capture gives
/// them (<c>kcidb_agg_cs</c>); without, they must still be announced (<see cref="CheckoutChanges"/>), or the regression
/// tracker, the result triage and the live pages would stop with the aggregates (docs/dashboard-api.md "Aggregates").</summary>
internal static class BatchCheckouts
{
    private static readonly int BuildId = KcidbTables.Builds.Index["id"];
    private static readonly int TestBuildId = KcidbTables.Tests.Index["build_id"];

    /// <summary>The query; its one parameter, <c>@ids</c>, is <see cref="BuildIds"/> (a text array on PostgreSQL, a
    /// JSON array on SQLite).</summary>
    public static string Sql(DatabaseKind kind) => kind == DatabaseKind.Sqlite
        ? "SELECT DISTINCT checkout_id FROM builds WHERE id IN (SELECT value FROM json_each(@ids)) AND checkout_id IS NOT NULL"
        : "SELECT DISTINCT checkout_id FROM builds WHERE id = ANY(@ids) AND checkout_id IS NOT NULL";

    public static string[] BuildIds(JsonIngestBatch batch)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rows in batch.Tables)
        {
            var column = rows.Table == KcidbTables.Builds ? BuildId : rows.Table == KcidbTables.Tests ? TestBuildId : -1;
            if (column < 0)
            {
                continue;
            }

            foreach (var row in rows.Sorted())
            {
                if (row[column].ValueKind == JsonValueKind.String)
                {
                    ids.Add(row[column].GetString()!);
                }
            }
        }

        return [.. ids];
    }
}
