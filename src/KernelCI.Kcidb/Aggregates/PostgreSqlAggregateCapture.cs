using System.Text.RegularExpressions;

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

    /// <summary>For the rest of the ingesting transaction. With no statistics on the staging table the planner takes it
    /// for tens of thousands of rows more than it holds, so the tests' upsert with its lookup (<see cref="TestsMergeSql"/>)
    /// was costed above <c>jit_above_cost</c> and compiled every batch: about 90 ms of JIT a batch for a statement
    /// that is a loop of index lookups (EXPLAIN ANALYZE, docs/benchmarks.md session 19;
    /// postgresql.org/docs/15/jit-decision.html). Without the
    /// aggregates no statement of the batch reaches that cost.</summary>
    public const string NoJitSql = "SET LOCAL jit = off";

    private static readonly TestDimensions Dimensions = TestDimensions.PostgreSql;

    // The same expressions on the upsert's target, whose alias is the table's name.
    private static readonly string Returned = Regex.Replace(Dimensions.Select, @"\bt\.", "tests.");

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
    /// and the merged rows', computed in its RETURNING, added. RETURNING the dimensions rather than the columns they come
    /// from keeps the CTE's rows small: with the JSON columns, 30,000 tests a batch spilled 16 MB to a temporary file
    /// (EXPLAIN ANALYZE, "temp written", docs/benchmarks.md session 19). The old rows are read by one index lookup per
    /// staged test, forced (<c>OFFSET 0</c> keeps the lateral subquery from being flattened): the staging table has no statistics, and the
    /// planner's join read all of <c>tests</c> for every batch.</summary>
    public static string TestsMergeSql(string staging, string merge) => $"""
        WITH o AS MATERIALIZED (
            SELECT l.* FROM {staging} s
            CROSS JOIN LATERAL (SELECT t.build_id, t.origin, {Dimensions.Select} FROM tests t WHERE t.id = s.id OFFSET 0) AS l),
        t AS (
        {merge}
        RETURNING tests.build_id, tests.origin, {Returned})
        INSERT INTO kcidb_agg_dbt ({AggregateMaintenance.BuildTestsKey}, d)
        SELECT {AggregateMaintenance.BuildTestsKey}, SUM(d) FROM (
            SELECT {AggregateMaintenance.BuildTestsKey}, -1 AS d FROM o
            UNION ALL
            SELECT {AggregateMaintenance.BuildTestsKey}, 1 FROM t) AS c
        GROUP BY {AggregateMaintenance.BuildTestsKey} HAVING SUM(d) <> 0
        """;
}
