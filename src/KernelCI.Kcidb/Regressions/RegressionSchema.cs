namespace KernelCI.Kcidb.Regressions;

/// <summary>What the regression tracker keeps (docs/regressions.md, "Where they are kept"):
/// <list type="bullet">
/// <item><c>kcidb_regressions</c>: each regression of a series, with its last good and first bad commits and results,
/// the failing results since, and its state;</item>
/// <item><c>kcidb_series</c>: each tracked series' flakiness and infrastructure failures;</item>
/// <item><c>kcidb_regression_marks</c>: what people said about a regression (only <c>invalid</c> so far), kept apart so
/// that recomputing a series never loses it.</item>
/// </list>
/// Times are microseconds since 1970 on SQLite, as in the KCIDB tables, and TIMESTAMPTZ on PostgreSQL.</summary>
internal static class RegressionSchema
{
    public static string Sqlite => Tables("INTEGER", "REAL");

    public static string PostgreSql => Tables("TIMESTAMPTZ", "DOUBLE PRECISION");

    // A series' key (SeriesKey), in both tables.
    private const string SeriesColumns = """
        origin TEXT NOT NULL, tree_name TEXT NOT NULL, git_repository_branch TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL,
        config_name TEXT NOT NULL, architecture TEXT NOT NULL, compiler TEXT NOT NULL, platform TEXT NOT NULL,
        """;

    private static string Tables(string time, string real) => $"""
        CREATE TABLE IF NOT EXISTS kcidb_regressions (
            id TEXT NOT NULL PRIMARY KEY,
            {SeriesColumns}
            state TEXT NOT NULL,
            last_good_commit TEXT NOT NULL,
            last_good_result TEXT NOT NULL,
            last_good_time {time} NOT NULL,
            first_bad_commit TEXT NOT NULL,
            first_bad_result TEXT NOT NULL,
            first_bad_time {time} NOT NULL,
            fixed_by_commit TEXT,
            failures TEXT NOT NULL,
            updated {time} NOT NULL
        );

        CREATE INDEX IF NOT EXISTS kcidb_regressions_tree ON kcidb_regressions (tree_name, git_repository_branch, first_bad_time);

        CREATE TABLE IF NOT EXISTS kcidb_series (
            {SeriesColumns}
            flaky BOOLEAN NOT NULL,
            flaky_since {time},
            flip_rate {real} NOT NULL,
            infrastructure INTEGER NOT NULL,
            updated {time} NOT NULL,
            PRIMARY KEY (origin, tree_name, git_repository_branch, kind, path, config_name, architecture, compiler, platform)
        );

        CREATE INDEX IF NOT EXISTS kcidb_series_flaky ON kcidb_series (flip_rate DESC) WHERE flaky;

        CREATE TABLE IF NOT EXISTS kcidb_regression_marks (
            id TEXT NOT NULL PRIMARY KEY,
            state TEXT NOT NULL,
            marked_by TEXT NOT NULL,
            marked_at {time} NOT NULL
        );
        """;
}
