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
    /// and the merged rows', added. The old rows are read by one index lookup per staged test, forced (<c>OFFSET 0</c>
    /// keeps the lateral subquery from being flattened): the staging table has no statistics, and the planner's join
    /// read all of <c>tests</c> for every batch. The merged rows are the merge rule applied to the staged and the old
    /// values (<c>COALESCE(new, old)</c>, as <see cref="Store.UpsertSql"/>), which under the ingesters' lock is what
    /// the upsert writes: cheaper than its <c>RETURNING</c>, which keeps every written row for the statement.</summary>
    public static string TestsMergeSql(string staging, string merge) => $"""
        WITH o AS MATERIALIZED (
            SELECT l.* FROM {staging} s
            CROSS JOIN LATERAL (
                SELECT t.id, t.build_id, t.origin, t.path, t.status::text AS status, t.environment_misc, t.environment_compatible, t.misc
                FROM tests t WHERE t.id = s.id OFFSET 0) AS l),
        m AS (
        {merge}),
        n AS (
            SELECT t.build_id, t.origin, {Dimensions.Select} FROM (
                SELECT COALESCE(s.build_id, o.build_id) AS build_id, COALESCE(s.origin, o.origin) AS origin,
                    COALESCE(s.path, o.path) AS path, COALESCE(s.status, o.status) AS status,
                    COALESCE(s.environment_misc, o.environment_misc) AS environment_misc,
                    COALESCE(s.environment_compatible, o.environment_compatible) AS environment_compatible,
                    COALESCE(s.misc, o.misc) AS misc
                FROM {staging} s LEFT JOIN o ON o.id = s.id) AS t),
        p AS (SELECT t.build_id, t.origin, {Dimensions.Select} FROM o AS t)
        INSERT INTO kcidb_agg_dbt ({AggregateMaintenance.BuildTestsKey}, d)
        SELECT {AggregateMaintenance.BuildTestsKey}, SUM(d) FROM (
            SELECT {AggregateMaintenance.BuildTestsKey}, -1 AS d FROM p
            UNION ALL
            SELECT {AggregateMaintenance.BuildTestsKey}, 1 FROM n) AS c
        GROUP BY {AggregateMaintenance.BuildTestsKey} HAVING SUM(d) <> 0
        """;
}
