using KernelCI.Data;

namespace KernelCI.Kcidb.Aggregates;

/// <summary>
/// The part of the aggregates' upkeep both databases share, run in the ingestion transaction after a batch's rows are
/// written (docs/dashboard-api.md, "Aggregates"). Each database first captures, in temporary tables, what the batch
/// changed: <c>kcidb_agg_dbt</c> the change of <c>dash_build_tests</c> (minus each written test's dimensions before the
/// write, plus after it, per key) and <c>kcidb_agg_old_builds</c> the builds whose checkout or status the batch changed
/// or that it created, as they were before. <c>dash_build_tests</c> itself is still untouched then.
/// <para>A build's share of <c>dash_checkout_status</c> and <c>dash_hardware_status</c> depends only on its own row and
/// its own <c>dash_build_tests</c> rows, so this subtracts the share of every build the batch touched as it was before
/// (old build rows, <c>dash_build_tests</c> not yet changed), applies the change of <c>dash_build_tests</c>, and adds their
/// share as it is now. Rows left at 0 are deleted. The result equals <see cref="AggregateRecompute.Sql"/> whenever it
/// did before the batch.</para>
/// </summary>
internal static class AggregateMaintenance
{
    public const string BuildTestsKey = "build_id, origin, is_boot, path_group, platform, compatibles, lab, status";

    private const string HardwareKey = "platform, compatibles, checkout_id, origin, kind, status";

    public static string AfterWriteSql(DatabaseKind kind)
    {
        var buildStatus = kind == DatabaseKind.Sqlite ? "b.status" : "b.status::text";
        var oldBuilds = $"""
            SELECT o.id, o.checkout_id, o.status FROM kcidb_agg_old_builds o WHERE o.existed = 1
            UNION ALL
            SELECT b.id, b.checkout_id, {buildStatus} FROM kcidb_agg_builds a JOIN builds b ON b.id = a.id
            WHERE NOT EXISTS (SELECT 1 FROM kcidb_agg_old_builds o WHERE o.id = a.id)
            """;
        var newBuilds = $"SELECT b.id, b.checkout_id, {buildStatus} AS status FROM kcidb_agg_builds a JOIN builds b ON b.id = a.id";
        return $"""
            INSERT INTO kcidb_agg_builds (id)
            SELECT id FROM kcidb_agg_old_builds
            UNION
            SELECT build_id FROM kcidb_agg_dbt WHERE d <> 0;

            {Shares(oldBuilds, -1)}

            INSERT INTO dash_build_tests ({BuildTestsKey}, n)
            SELECT {BuildTestsKey}, d FROM kcidb_agg_dbt WHERE d <> 0 ORDER BY {BuildTestsKey}
            ON CONFLICT ({BuildTestsKey}) DO UPDATE SET n = dash_build_tests.n + excluded.n;

            DELETE FROM dash_build_tests WHERE n = 0 AND build_id IN (SELECT id FROM kcidb_agg_builds);

            {Shares(newBuilds, 1)}

            INSERT INTO dash_checkout_status (checkout_id, kind, status, n)
            SELECT checkout_id, kind, status, SUM(d) FROM kcidb_agg_cs WHERE true
            GROUP BY checkout_id, kind, status HAVING SUM(d) <> 0 ORDER BY checkout_id, kind, status
            ON CONFLICT (checkout_id, kind, status) DO UPDATE SET n = dash_checkout_status.n + excluded.n;

            DELETE FROM dash_checkout_status WHERE n = 0 AND checkout_id IN (SELECT checkout_id FROM kcidb_agg_cs);

            INSERT INTO dash_hardware_status ({HardwareKey}, n)
            SELECT {HardwareKey}, SUM(d) FROM kcidb_agg_hw WHERE true
            GROUP BY {HardwareKey} HAVING SUM(d) <> 0 ORDER BY {HardwareKey}
            ON CONFLICT ({HardwareKey}) DO UPDATE SET n = dash_hardware_status.n + excluded.n;

            DELETE FROM dash_hardware_status WHERE n = 0 AND checkout_id IN (SELECT checkout_id FROM kcidb_agg_hw);
            """;
    }

    // The builds' shares, as AggregateRecompute.Sql counts them, times the sign.
    private static string Shares(string builds, int sign)
    {
        var notDummy = $"substr(v.id, 1, {AggregateRecompute.DummyBuildPrefix.Length}) <> '{AggregateRecompute.DummyBuildPrefix}'";
        const string testKind = "CASE WHEN r.is_boot = 1 THEN 'boot' ELSE 'test' END";
        const string hardware = "(r.platform <> '' OR r.compatibles <> '')";
        return $"""
            WITH v AS ({builds})
            INSERT INTO kcidb_agg_cs (checkout_id, kind, status, d)
            SELECT v.checkout_id, 'build', COALESCE(v.status, 'NULL'), {sign} FROM v WHERE {notDummy}
            UNION ALL
            SELECT v.checkout_id, {testKind}, r.status, {sign} * r.n FROM v JOIN dash_build_tests r ON r.build_id = v.id;

            WITH v AS ({builds})
            INSERT INTO kcidb_agg_hw ({HardwareKey}, d)
            SELECT r.platform, r.compatibles, v.checkout_id, r.origin, {testKind}, r.status, {sign} * r.n
            FROM v JOIN dash_build_tests r ON r.build_id = v.id WHERE {hardware}
            UNION ALL
            SELECT platform, compatibles, checkout_id, origin, 'build', COALESCE(status, 'NULL'), {sign}
            FROM (SELECT DISTINCT r.platform, r.compatibles, r.origin, v.id, v.checkout_id, v.status
                  FROM v JOIN dash_build_tests r ON r.build_id = v.id WHERE {hardware} AND {notDummy}) AS hb;
            """;
    }
}
