namespace KernelCI.Kcidb.Aggregates;

/// <summary>
/// SQLite's capture of what a batch changes (<see cref="AggregateMaintenance"/>): temporary triggers on the ingesting
/// connection only, so the row writer stays one prepared upsert per table and each test's old and new dimensions come
/// from the row SQLite already holds (<c>OLD</c>, <c>NEW</c>) instead of a second lookup. An upsert that updates fires the
/// UPDATE triggers, one that inserts the INSERT ones. The triggers are dropped before the connection returns to the pool.
/// </summary>
internal static class SqliteAggregateCapture
{
    private static readonly TestDimensions New = TestDimensions.Sqlite.For("NEW");
    private static readonly TestDimensions Old = TestDimensions.Sqlite.For("OLD");

    public static string CreateSql { get; } = $"""
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_dbt (
            build_id TEXT NOT NULL, origin TEXT NOT NULL, is_boot INTEGER NOT NULL, path_group TEXT NOT NULL,
            platform TEXT NOT NULL, compatibles TEXT NOT NULL, lab TEXT NOT NULL, status TEXT NOT NULL, d INTEGER NOT NULL,
            PRIMARY KEY ({AggregateMaintenance.BuildTestsKey}));
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_old_builds (id TEXT PRIMARY KEY, checkout_id TEXT, status TEXT, existed INTEGER NOT NULL);
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_builds (id TEXT PRIMARY KEY);
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_cs (checkout_id TEXT, kind TEXT, status TEXT, d INTEGER);
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_hw (platform TEXT, compatibles TEXT, checkout_id TEXT, origin TEXT, kind TEXT, status TEXT, d INTEGER);

        CREATE TEMP TRIGGER IF NOT EXISTS kcidb_agg_test_inserted AFTER INSERT ON main.tests BEGIN
            {Count(New, "NEW", 1)}
        END;

        CREATE TEMP TRIGGER IF NOT EXISTS kcidb_agg_test_updated AFTER UPDATE ON main.tests
        WHEN OLD.build_id IS NOT NEW.build_id OR OLD.origin IS NOT NEW.origin OR OLD.path IS NOT NEW.path
            OR OLD.status IS NOT NEW.status OR OLD.environment_misc IS NOT NEW.environment_misc
            OR OLD.environment_compatible IS NOT NEW.environment_compatible OR OLD.misc IS NOT NEW.misc
        BEGIN
            {Count(Old, "OLD", -1)}
            {Count(New, "NEW", 1)}
        END;

        CREATE TEMP TRIGGER IF NOT EXISTS kcidb_agg_build_inserted AFTER INSERT ON main.builds BEGIN
            INSERT OR IGNORE INTO kcidb_agg_old_builds (id, checkout_id, status, existed) VALUES (NEW.id, NULL, NULL, 0);
        END;

        CREATE TEMP TRIGGER IF NOT EXISTS kcidb_agg_build_updated AFTER UPDATE ON main.builds
        WHEN OLD.checkout_id IS NOT NEW.checkout_id OR OLD.status IS NOT NEW.status
        BEGIN
            INSERT OR IGNORE INTO kcidb_agg_old_builds (id, checkout_id, status, existed) VALUES (OLD.id, OLD.checkout_id, OLD.status, 1);
        END;
        """;

    public const string DropSql = """
        DROP TRIGGER IF EXISTS temp.kcidb_agg_test_inserted;
        DROP TRIGGER IF EXISTS temp.kcidb_agg_test_updated;
        DROP TRIGGER IF EXISTS temp.kcidb_agg_build_inserted;
        DROP TRIGGER IF EXISTS temp.kcidb_agg_build_updated;
        """;

    /// <summary>Empties the capture for the next batch (the transaction may go on over several).</summary>
    public const string ClearSql = """
        DELETE FROM temp.kcidb_agg_dbt;
        DELETE FROM temp.kcidb_agg_old_builds;
        DELETE FROM temp.kcidb_agg_builds;
        DELETE FROM temp.kcidb_agg_cs;
        DELETE FROM temp.kcidb_agg_hw;
        """;

    private static string Count(TestDimensions dimensions, string row, int sign) => $"""
        INSERT INTO kcidb_agg_dbt ({AggregateMaintenance.BuildTestsKey}, d)
            SELECT {row}.build_id, {row}.origin, {dimensions.Select}, {sign} WHERE true
            ON CONFLICT ({AggregateMaintenance.BuildTestsKey}) DO UPDATE SET d = d + excluded.d;
        """;
}
