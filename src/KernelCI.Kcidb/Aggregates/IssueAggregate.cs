using KernelCI.Data;

namespace KernelCI.Kcidb.Aggregates;

/// <summary>
/// The issue listing's aggregates (<see cref="IssueAggregateSchema"/>): their definition, and their upkeep in each
/// ingestion batch. Both are functions of one issue's incidents and what those reach, so a batch recomputes them for
/// the issues it may have changed, and only those (<c>kcidb_agg_issues</c>):
/// <list type="bullet">
/// <item>the issues of its incidents, before and after the write (a merge may move an incident to another issue or
/// version, and always moves its <c>_timestamp</c>, which orders the first incident);</item>
/// <item>the issues with an incident on one of its tests (the test may be new or name another build);</item>
/// <item>the issues with an incident on, or on a test of, a build it created or moved to another checkout, or a
/// build of a checkout it gave a tree name and branch (under the merge rule a stored value never becomes null, so a
/// checkout never loses them).</item>
/// </list>
/// The rest only reads checkouts' fields, which the listing joins at read time. The recomputation per issue is one
/// index seek for the first incident and one pass over the issue's incidents for the trees, by primary keys.
/// </summary>
internal static class IssueAggregate
{
    private const string Scope = "kcidb_agg_issues";

    /// <summary>The capture tables; SQLite's are emptied after every batch (<see cref="SqliteClearSql"/>), PostgreSQL's
    /// dropped at commit.</summary>
    public static string CreateSql(DatabaseKind kind) => kind == DatabaseKind.Sqlite
        ? """
          CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_issues (issue_id TEXT NOT NULL);
          CREATE TEMP TABLE IF NOT EXISTS kcidb_agg_old_checkouts (id TEXT PRIMARY KEY);
          """
        : """
          CREATE TEMPORARY TABLE kcidb_agg_issues (issue_id TEXT NOT NULL) ON COMMIT DROP;
          CREATE TEMPORARY TABLE kcidb_agg_old_checkouts (id TEXT PRIMARY KEY) ON COMMIT DROP;
          """;

    /// <summary>SQLite, before the upserts (the batch's ids in <c>@incidents</c>, <c>@checkouts</c>): the issues its
    /// incidents belong to now, and its checkouts that have no tree name and branch yet.</summary>
    public const string SqliteBeforeSql = """
        INSERT INTO kcidb_agg_issues (issue_id)
        SELECT i.issue_id FROM json_each(@incidents) j CROSS JOIN incidents i ON i.id = j.value;

        INSERT INTO kcidb_agg_old_checkouts (id)
        SELECT j.value FROM json_each(@checkouts) j LEFT JOIN checkouts c ON c.id = j.value
        WHERE c.tree_name IS NULL OR c.git_repository_branch IS NULL
        ON CONFLICT (id) DO NOTHING;
        """;

    /// <summary>SQLite, after the upserts and <see cref="SqliteAggregateCapture.AfterSql"/> (which leaves in
    /// <c>kcidb_agg_old_builds</c> the builds created or changed): the rest of the issues, then their recomputation.</summary>
    public static string SqliteAfterSql { get; } = $"""
        INSERT INTO kcidb_agg_issues (issue_id)
        SELECT i.issue_id FROM json_each(@incidents) j CROSS JOIN incidents i ON i.id = j.value
        UNION ALL
        SELECT i.issue_id FROM json_each(@tests) j CROSS JOIN incidents i ON i.test_id = j.value;

        WITH cb AS (
            SELECT o.id FROM kcidb_agg_old_builds o CROSS JOIN builds b ON b.id = o.id
            WHERE o.existed = 0 OR o.checkout_id IS NOT b.checkout_id
            UNION
            SELECT b.id FROM kcidb_agg_old_checkouts oc CROSS JOIN checkouts c ON c.id = oc.id CROSS JOIN builds b ON b.checkout_id = c.id
            WHERE c.tree_name IS NOT NULL AND c.git_repository_branch IS NOT NULL)
        INSERT INTO kcidb_agg_issues (issue_id)
        SELECT i.issue_id FROM cb CROSS JOIN incidents i ON i.build_id = cb.id
        UNION ALL
        SELECT i.issue_id FROM cb CROSS JOIN tests t ON t.build_id = cb.id CROSS JOIN incidents i ON i.test_id = t.id;

        {Recompute(DatabaseKind.Sqlite, all: false)}
        """;

    public const string SqliteClearSql = """
        DELETE FROM temp.kcidb_agg_issues;
        DELETE FROM temp.kcidb_agg_old_checkouts;
        """;

    /// <summary>PostgreSQL, before the checkouts' upsert: those without a tree name and branch yet.</summary>
    public static string PostgreSqlCheckoutsBeforeSql(string staging) => $"""
        INSERT INTO kcidb_agg_old_checkouts (id)
        SELECT s.id FROM {staging} s LEFT JOIN checkouts c ON c.id = s.id
        WHERE c.tree_name IS NULL OR c.git_repository_branch IS NULL
        ON CONFLICT (id) DO NOTHING
        """;

    /// <summary>PostgreSQL, before and after the incidents' upsert: the issues of the staged incidents. The staged ids
    /// go in as an array, so that the lookups are index scans whatever the planner guesses of the staging table.</summary>
    public static string PostgreSqlIncidentIssuesSql(string staging) => $"""
        INSERT INTO kcidb_agg_issues (issue_id)
        SELECT i.issue_id FROM incidents i WHERE i.id = ANY(ARRAY(SELECT s.id FROM {staging} s))
        """;

    /// <summary>PostgreSQL, after the tests' upsert: the issues with an incident on a staged test.</summary>
    public static string PostgreSqlTestIssuesSql(string staging) => $"""
        INSERT INTO kcidb_agg_issues (issue_id)
        SELECT i.issue_id FROM incidents i WHERE i.test_id = ANY(ARRAY(SELECT s.id FROM {staging} s))
        """;

    /// <summary>PostgreSQL, after every upsert (<c>kcidb_agg_old_builds</c> holds the builds created or changed): the
    /// issues of the builds that changed checkout or whose checkout gained a tree, then the recomputation.</summary>
    public static string PostgreSqlAfterSql { get; } = $"""
        WITH cb AS MATERIALIZED (
            SELECT o.id FROM kcidb_agg_old_builds o JOIN builds b ON b.id = o.id
            WHERE o.existed = 0 OR o.checkout_id IS DISTINCT FROM b.checkout_id
            UNION
            SELECT b.id FROM builds b
            WHERE b.checkout_id = ANY(ARRAY(
                SELECT c.id FROM checkouts c
                WHERE c.id = ANY(ARRAY(SELECT oc.id FROM kcidb_agg_old_checkouts oc))
                    AND c.tree_name IS NOT NULL AND c.git_repository_branch IS NOT NULL)))
        INSERT INTO kcidb_agg_issues (issue_id)
        SELECT i.issue_id FROM incidents i WHERE i.build_id = ANY(ARRAY(SELECT id FROM cb))
        UNION ALL
        SELECT i.issue_id FROM incidents i
        WHERE i.test_id = ANY(ARRAY(SELECT t.id FROM tests t WHERE t.build_id = ANY(ARRAY(SELECT id FROM cb))));

        {Recompute(DatabaseKind.PostgreSql, all: false)}
        """;

    /// <summary>Both tables from scratch: their definition (migration 8 and <see cref="AggregateRecompute.RecomputeAllAsync"/>).</summary>
    public static string RecomputeSql(DatabaseKind kind) => Recompute(kind, all: true);

    // PostgreSQL has no statistics on the capture tables: every step is a LATERAL subquery or an "= ANY(ARRAY(…))" so
    // that stored tables are reached by their indexes (an EXISTS was planned as a hash join over all of builds, 88 ms
    // a batch at 2,000,000 tests).
    // The first incident orders as the listing always has (docs/dashboard-api.md, "GET issue/"): lowest version, then
    // earliest _timestamp with NULLs last, then lowest id. An incident reaches its build by build_id, else by its test's.
    // A version's tree check stops at its first incident that reaches one, so an issue with many incidents costs a few
    // lookups per version, not one per incident.
    private static string Recompute(DatabaseKind kind, bool all)
    {
        var issues = all ? "(SELECT DISTINCT issue_id FROM incidents)" : $"(SELECT DISTINCT issue_id FROM {Scope})";
        var scoped = all ? "" : kind == DatabaseKind.Sqlite
            ? $" WHERE issue_id IN (SELECT issue_id FROM {Scope})"
            : $" WHERE issue_id = ANY(ARRAY(SELECT issue_id FROM {Scope}))";
        return kind == DatabaseKind.Sqlite
            ? $"""
              DELETE FROM dash_issue_first{scoped};
              INSERT INTO dash_issue_first (issue_id, incident_id, issue_version, first_seen, checkout_id)
              SELECT f.issue_id, f.id, f.issue_version, f._timestamp, b.checkout_id
              FROM {issues} a
              CROSS JOIN incidents f ON f.id = (
                  SELECT x.id FROM incidents x WHERE x.issue_id = a.issue_id
                  ORDER BY x.issue_version, x._timestamp IS NULL, x._timestamp, x.id LIMIT 1)
              LEFT JOIN tests t ON t.id = f.test_id
              LEFT JOIN builds b ON b.id = COALESCE(f.build_id, t.build_id);

              DELETE FROM dash_issue_trees{scoped};
              INSERT INTO dash_issue_trees (issue_id, issue_version)
              SELECT v.issue_id, v.issue_version
              FROM (SELECT DISTINCT y.issue_id, y.issue_version FROM {issues} a CROSS JOIN incidents y ON y.issue_id = a.issue_id) v
              WHERE EXISTS (
                  SELECT 1 FROM incidents y
                  LEFT JOIN tests t ON t.id = y.test_id
                  CROSS JOIN builds b ON b.id = COALESCE(y.build_id, t.build_id)
                  CROSS JOIN checkouts c ON c.id = b.checkout_id
                  WHERE y.issue_id = v.issue_id AND y.issue_version = v.issue_version
                      AND c.tree_name IS NOT NULL AND c.git_repository_branch IS NOT NULL);
              """
            : $"""
              DELETE FROM dash_issue_first{scoped};
              INSERT INTO dash_issue_first (issue_id, incident_id, issue_version, first_seen, checkout_id)
              SELECT f.issue_id, f.id, f.issue_version, f._timestamp, b.checkout_id
              FROM {issues} a
              CROSS JOIN LATERAL (
                  SELECT x.issue_id, x.id, x.issue_version, x._timestamp, x.build_id, x.test_id FROM incidents x
                  WHERE x.issue_id = a.issue_id
                  ORDER BY x.issue_version, x._timestamp, x.id LIMIT 1) f
              LEFT JOIN LATERAL (
                  SELECT b.checkout_id FROM builds b
                  WHERE b.id = COALESCE(f.build_id, (SELECT t.build_id FROM tests t WHERE t.id = f.test_id))) b ON TRUE;

              DELETE FROM dash_issue_trees{scoped};
              INSERT INTO dash_issue_trees (issue_id, issue_version)
              SELECT v.issue_id, v.issue_version
              FROM (SELECT DISTINCT y.issue_id, y.issue_version
                    FROM {issues} a
                    CROSS JOIN LATERAL (SELECT y.issue_id, y.issue_version FROM incidents y WHERE y.issue_id = a.issue_id OFFSET 0) y) v
              CROSS JOIN LATERAL (
                  SELECT 1 FROM incidents y
                  CROSS JOIN LATERAL (
                      SELECT 1 FROM builds b JOIN checkouts c ON c.id = b.checkout_id
                      WHERE b.id = COALESCE(y.build_id, (SELECT t.build_id FROM tests t WHERE t.id = y.test_id))
                          AND c.tree_name IS NOT NULL AND c.git_repository_branch IS NOT NULL
                      LIMIT 1) z
                  WHERE y.issue_id = v.issue_id AND y.issue_version = v.issue_version
                  LIMIT 1) r;
              """;
    }
}
