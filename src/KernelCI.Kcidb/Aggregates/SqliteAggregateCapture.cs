namespace KernelCI.Kcidb.Aggregates;

/// <summary>
/// SQLite's capture of what a batch changes (<see cref="AggregateMaintenance"/>), set-based around the row upserts:
/// the batch's test and build ids arrive as one JSON array each (<c>@tests</c>, <c>@builds</c>), read with
/// <c>json_each</c>. Temporary triggers on the row upserts would have been simpler, but a statement that fires a
/// trigger needs a statement journal, a copy of every page it changes: that doubled the cost of loading a test.
/// </summary>
internal static class SqliteAggregateCapture
{
    private static readonly TestDimensions Dimensions = TestDimensions.Sqlite;

    /// <summary>Run once per connection: the capture tables, emptied after every batch.</summary>
    public static string CreateSql { get; } = $"""
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_dbt (
            build_id TEXT NOT NULL, origin TEXT NOT NULL, is_boot INTEGER NOT NULL, path_group TEXT NOT NULL,
            platform TEXT NOT NULL, compatibles TEXT NOT NULL, lab TEXT NOT NULL, status TEXT NOT NULL, d INTEGER NOT NULL,
            PRIMARY KEY ({AggregateMaintenance.BuildTestsKey}));
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_read_tests (id TEXT PRIMARY KEY);
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_old_builds (id TEXT PRIMARY KEY, checkout_id TEXT, status TEXT, existed INTEGER NOT NULL);
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_cs (checkout_id TEXT, kind TEXT, status TEXT, d INTEGER);
        CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_hw (platform TEXT, compatibles TEXT, checkout_id TEXT, origin TEXT, kind TEXT, status TEXT, d INTEGER);
        """;

    /// <summary>Before the upserts: the batch's builds as they are, its tests that exist (<c>kcidb_agg_read_tests</c>),
    /// and their dimensions, subtracted. The new tests' dimensions are added from their submitted values
    /// (<see cref="SqliteNewTestDimensions"/>, <see cref="AddSql"/>) and the ids it declines join
    /// <c>kcidb_agg_read_tests</c> (<see cref="ReadBackSql"/>), whose merged rows are read back after the upserts.</summary>
    public static string BeforeSql { get; } = $"""
        INSERT INTO kcidb_agg_old_builds (id, checkout_id, status, existed)
        SELECT j.value, b.checkout_id, b.status, CASE WHEN b.id IS NULL THEN 0 ELSE 1 END
        FROM json_each(@builds) j LEFT JOIN builds b ON b.id = j.value WHERE true
        ON CONFLICT (id) DO NOTHING;

        INSERT INTO kcidb_agg_read_tests (id)
        SELECT t.id FROM json_each(@tests) j CROSS JOIN tests t ON t.id = j.value WHERE true
        ON CONFLICT (id) DO NOTHING;

        {Tests(-1)}
        """;

    /// <summary>The tests that existed before the batch, found by <see cref="BeforeSql"/>.</summary>
    public const string ExistingTestsSql = "SELECT id FROM temp.kcidb_agg_read_tests";

    /// <summary>A new test whose dimensions only its stored row tells (<c>@id</c>).</summary>
    public const string ReadBackSql = "INSERT INTO temp.kcidb_agg_read_tests (id) VALUES (@id) ON CONFLICT (id) DO NOTHING";

    /// <summary>Adds the new tests' count of one key (bound by position: the key's columns, then the count).</summary>
    public static string AddSql { get; } = $"""
        INSERT INTO temp.kcidb_agg_dbt ({AggregateMaintenance.BuildTestsKey}, d)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        ON CONFLICT ({AggregateMaintenance.BuildTestsKey}) DO UPDATE SET d = d + excluded.d
        """;

    /// <summary>After the upserts: the merged dimensions of the tests read back, added, and only the builds whose checkout or status
    /// changed (or that are new) kept.</summary>
    public static string AfterSql { get; } = $"""
        {Tests(1)}

        DELETE FROM kcidb_agg_old_builds
        WHERE existed = 1 AND EXISTS (
            SELECT 1 FROM builds b
            WHERE b.id = kcidb_agg_old_builds.id AND b.checkout_id IS kcidb_agg_old_builds.checkout_id AND b.status IS kcidb_agg_old_builds.status);
        """;

    /// <summary>Empties the capture for the next batch (the transaction may go on over several).</summary>
    public const string ClearSql = """
        DELETE FROM temp.kcidb_agg_dbt;
        DELETE FROM temp.kcidb_agg_read_tests;
        DELETE FROM temp.kcidb_agg_old_builds;
        DELETE FROM temp.kcidb_agg_cs;
        DELETE FROM temp.kcidb_agg_hw;
        """;

    private static string Tests(int sign) => $"""
        INSERT INTO kcidb_agg_dbt ({AggregateMaintenance.BuildTestsKey}, d)
        SELECT {AggregateMaintenance.BuildTestsKey}, {sign} * COUNT(*)
        FROM (SELECT t.build_id, t.origin, {Dimensions.Select} FROM temp.kcidb_agg_read_tests r CROSS JOIN tests t ON t.id = r.id) AS d
        WHERE true
        GROUP BY {AggregateMaintenance.BuildTestsKey}
        ON CONFLICT ({AggregateMaintenance.BuildTestsKey}) DO UPDATE SET d = d + excluded.d;
        """;
}
