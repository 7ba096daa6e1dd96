namespace KernelCI.Kcidb.Aggregates;

/// <summary>
/// PostgreSQL's capture of what a batch changes (<see cref="AggregateMaintenance"/>), set-based from the staging
/// tables: the written tests' dimensions before the upsert (subtracted) and after it (added), and the builds whose
/// merged checkout or status differs from the stored one (or that are new), as they were.
/// </summary>
internal static class PostgreSqlAggregateCapture
{
    /// <summary>Held to the end of the transaction by every ingesting transaction that maintains the aggregates, taken
    /// before it reads the rows its upserts replace: under READ COMMITTED two replicas loading the same test would each
    /// subtract the same old row, and two loading tests of one build would each add their own share to a stale sum.</summary>
    public const string LockSql = "SELECT pg_advisory_xact_lock(7316001604938265616)";

    private static readonly TestDimensions Dimensions = TestDimensions.PostgreSql;

    public static string CreateSql { get; } = """
        CREATE TEMPORARY TABLE kcidb_agg_dbt (
            build_id TEXT, origin TEXT, is_boot INTEGER, path_group TEXT, platform TEXT, compatibles TEXT, lab TEXT, status TEXT, d BIGINT
        ) ON COMMIT DROP;
        CREATE TEMPORARY TABLE kcidb_agg_old_builds (id TEXT PRIMARY KEY, checkout_id TEXT, status TEXT, existed INTEGER NOT NULL) ON COMMIT DROP;
        CREATE TEMPORARY TABLE kcidb_agg_cs (checkout_id TEXT, kind TEXT, status TEXT, d BIGINT) ON COMMIT DROP;
        CREATE TEMPORARY TABLE kcidb_agg_hw (platform TEXT, compatibles TEXT, checkout_id TEXT, origin TEXT, kind TEXT, status TEXT, d BIGINT) ON COMMIT DROP;
        """;

    /// <summary>Before the builds' upsert: the builds it will create or whose checkout or status it will change.</summary>
    public static string BuildsBeforeSql(string staging) => $"""
        INSERT INTO kcidb_agg_old_builds (id, checkout_id, status, existed)
        SELECT s.id, b.checkout_id, b.status::text, CASE WHEN b.id IS NULL THEN 0 ELSE 1 END
        FROM {staging} s LEFT JOIN builds b ON b.id = s.id
        WHERE b.id IS NULL
            OR COALESCE(s.checkout_id, b.checkout_id) IS DISTINCT FROM b.checkout_id
            OR COALESCE(s.status, b.status::text) IS DISTINCT FROM b.status::text
        """;

    /// <summary>The tests' upsert itself, with the change it makes to <c>dash_build_tests</c> per key: the stored
    /// dimensions of the tests it writes (every part of the statement sees the rows as they were before it), subtracted,
    /// and the merged rows' from its RETURNING, added. The old rows are read by one index lookup per staged test, forced
    /// (<c>OFFSET 0</c> keeps the lateral subquery from being flattened): the staging table has no statistics, and the
    /// planner's join read all of <c>tests</c> for every batch.</summary>
    public static string TestsMergeSql(string staging, string merge) => $"""
        WITH o AS MATERIALIZED (
            SELECT l.* FROM {staging} s
            CROSS JOIN LATERAL (SELECT t.build_id, t.origin, {Dimensions.Select} FROM tests t WHERE t.id = s.id OFFSET 0) AS l),
        t AS (
        {merge}
        RETURNING build_id, origin, path, status, environment_misc, environment_compatible, misc),
        n AS (SELECT t.build_id, t.origin, {Dimensions.Select} FROM t)
        INSERT INTO kcidb_agg_dbt ({AggregateMaintenance.BuildTestsKey}, d)
        SELECT {AggregateMaintenance.BuildTestsKey}, SUM(d) FROM (
            SELECT {AggregateMaintenance.BuildTestsKey}, -1 AS d FROM o
            UNION ALL
            SELECT {AggregateMaintenance.BuildTestsKey}, 1 FROM n) AS c
        GROUP BY {AggregateMaintenance.BuildTestsKey} HAVING SUM(d) <> 0
        """;
}
