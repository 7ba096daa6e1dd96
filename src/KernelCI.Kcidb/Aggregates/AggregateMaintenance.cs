using KernelCI.Data;

namespace KernelCI.Kcidb.Aggregates;

/// <summary>
/// The part of the aggregates' upkeep both databases share, run in the ingestion transaction after a batch's rows are
/// written (docs/dashboard-api.md, "Aggregates"). Each database first captures, in temporary tables, what the batch
/// changed: <c>kcidb_agg_dbt</c> the change of <c>dash_build_tests</c> per key (minus each written test's dimensions
/// before the write, plus after it) and <c>kcidb_agg_old_builds</c> the builds the batch created or whose checkout or
/// status it changed, as they were before. <c>dash_build_tests</c> itself is still untouched then.
/// <para>A build's share of <c>dash_checkout_status</c> and <c>dash_hardware_status</c> depends only on its own row and
/// its own <c>dash_build_tests</c> rows. For a build whose row changed, its old share (old row, <c>dash_build_tests</c>
/// before the change) is subtracted and its new share added. For any other build, the change of its tests maps straight
/// onto both tables through its row; the only count that is not a sum is a hardware's build count (does the build
/// have a test on that hardware at all), which changes when the build's tests on it go from none to some or back.
/// Rows left at 0 are deleted. So the cost follows what the batch changed, not the size of the builds it touches, and
/// the result equals <see cref="AggregateRecompute.Sql"/> whenever it did before the batch.</para>
/// </summary>
internal static class AggregateMaintenance
{
    public const string BuildTestsKey = "build_id, origin, is_boot, path_group, platform, compatibles, lab, status";

    private const string HardwareKey = "platform, compatibles, checkout_id, origin, kind, status";

    private const string TestKind = "CASE WHEN r.is_boot = 1 THEN 'boot' ELSE 'test' END";

    private const string OnHardware = "(r.platform <> '' OR r.compatibles <> '')";

    private const string RowUnchanged = "NOT EXISTS (SELECT 1 FROM kcidb_agg_old_builds o WHERE o.id = r.build_id)";

    public static string AfterWriteSql(DatabaseKind kind)
    {
        var buildStatus = kind == DatabaseKind.Sqlite ? "b.status" : "b.status::text";
        // The batch's capture drives every join. SQLite has no statistics for the capture tables and, planning each as
        // large as any other, scanned all of builds and dash_build_tests per batch instead (EXPLAIN QUERY PLAN: "SCAN
        // r", "SCAN b"), so a batch cost grew with the database: 45 % of the throughput without the aggregates at
        // 2,000,000 tests against 82 % at 200,000. Its CROSS JOIN keeps the left table outside (sqlite.org/optoverview.html,
        // "Manual Control Of Query Plans Using CROSS JOIN"); PostgreSQL has no CROSS JOIN … ON.
        var join = kind == DatabaseKind.Sqlite ? "CROSS JOIN" : "JOIN";
        var oldBuilds = "SELECT o.id, o.checkout_id, o.status FROM kcidb_agg_old_builds o WHERE o.existed = 1";
        var newBuilds = $"SELECT b.id, b.checkout_id, {buildStatus} AS status FROM kcidb_agg_old_builds o {join} builds b ON b.id = o.id";
        return $"""
            {Shares(oldBuilds, -1, join)}

            INSERT INTO kcidb_agg_cs (checkout_id, kind, status, d)
            SELECT b.checkout_id, {TestKind}, r.status, r.d
            FROM kcidb_agg_dbt r {join} builds b ON b.id = r.build_id WHERE r.d <> 0 AND {RowUnchanged};

            INSERT INTO kcidb_agg_hw ({HardwareKey}, d)
            SELECT r.platform, r.compatibles, b.checkout_id, r.origin, {TestKind}, r.status, r.d
            FROM kcidb_agg_dbt r {join} builds b ON b.id = r.build_id WHERE r.d <> 0 AND {OnHardware} AND {RowUnchanged};

            WITH k AS (
                SELECT r.build_id, r.platform, r.compatibles, r.origin, SUM(r.d) AS change
                FROM kcidb_agg_dbt r WHERE r.d <> 0 AND {OnHardware} AND {AggregateRecompute.NotDummy("r.build_id")} AND {RowUnchanged}
                GROUP BY r.build_id, r.platform, r.compatibles, r.origin),
            c AS (
                SELECT k.build_id, k.platform, k.compatibles, k.origin, k.change,
                    (SELECT COALESCE(SUM(t.n), 0) FROM dash_build_tests t
                     WHERE t.build_id = k.build_id AND t.origin = k.origin AND t.platform = k.platform AND t.compatibles = k.compatibles) AS before
                FROM k)
            INSERT INTO kcidb_agg_hw ({HardwareKey}, d)
            SELECT c.platform, c.compatibles, b.checkout_id, c.origin, 'build', COALESCE({buildStatus}, 'NULL'),
                CASE WHEN c.before > 0 THEN -1 ELSE 1 END
            FROM c {join} builds b ON b.id = c.build_id
            WHERE CASE WHEN c.before > 0 THEN 1 ELSE 0 END <> CASE WHEN c.before + c.change > 0 THEN 1 ELSE 0 END;

            INSERT INTO dash_build_tests ({BuildTestsKey}, n)
            SELECT {BuildTestsKey}, d FROM kcidb_agg_dbt WHERE d <> 0 ORDER BY {BuildTestsKey}
            ON CONFLICT ({BuildTestsKey}) DO UPDATE SET n = dash_build_tests.n + excluded.n;

            DELETE FROM dash_build_tests WHERE n = 0 AND build_id IN (SELECT build_id FROM kcidb_agg_dbt WHERE d <> 0);

            {Shares(newBuilds, 1, join)}

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

    // Whole shares of these builds, as AggregateRecompute.Sql counts them, times the sign.
    private static string Shares(string builds, int sign, string join) => $"""
        WITH v AS ({builds})
        INSERT INTO kcidb_agg_cs (checkout_id, kind, status, d)
        SELECT v.checkout_id, 'build', COALESCE(v.status, 'NULL'), {sign} FROM v WHERE {AggregateRecompute.NotDummy("v.id")}
        UNION ALL
        SELECT v.checkout_id, {TestKind}, r.status, {sign} * r.n FROM v {join} dash_build_tests r ON r.build_id = v.id;

        WITH v AS ({builds})
        INSERT INTO kcidb_agg_hw ({HardwareKey}, d)
        SELECT r.platform, r.compatibles, v.checkout_id, r.origin, {TestKind}, r.status, {sign} * r.n
        FROM v {join} dash_build_tests r ON r.build_id = v.id WHERE {OnHardware}
        UNION ALL
        SELECT platform, compatibles, checkout_id, origin, 'build', COALESCE(status, 'NULL'), {sign}
        FROM (SELECT DISTINCT r.platform, r.compatibles, r.origin, v.id, v.checkout_id, v.status
              FROM v {join} dash_build_tests r ON r.build_id = v.id WHERE {OnHardware} AND {AggregateRecompute.NotDummy("v.id")}) AS hb;
        """;
}
