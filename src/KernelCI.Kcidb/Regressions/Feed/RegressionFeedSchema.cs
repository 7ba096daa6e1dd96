namespace KernelCI.Kcidb.Regressions.Feed;

/// <summary>Migration kcidb 12 (docs/regressions.md, "The change feed"):
/// <list type="bullet">
/// <item><c>kcidb_regression_changes</c>: one row per change of a regression (opened, its state, failures or fix
/// changed, its culprit found, or removed by a recomputation), numbered in commit order, so a reader that keeps the last
/// number it handled never misses one, across its own restarts and ours;</item>
/// <item>the culprit columns of <c>kcidb_regressions</c>, written by a bisection (<c>POST /api/regressions/{id}/culprit</c>)
/// and never by the tracker's upsert, so a recomputation keeps them.</item>
/// </list></summary>
internal static class RegressionFeedSchema
{
    public static string Sqlite => """
        CREATE TABLE IF NOT EXISTS kcidb_regression_changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL
        );
        """ + Culprit("INTEGER");

    public static string PostgreSql => """
        CREATE TABLE IF NOT EXISTS kcidb_regression_changes (
            seq BIGSERIAL PRIMARY KEY,
            id TEXT NOT NULL
        );
        """ + Culprit("TIMESTAMPTZ");

    private static string Culprit(string time) => $"""

        ALTER TABLE kcidb_regressions ADD COLUMN culprit_commit TEXT;
        ALTER TABLE kcidb_regressions ADD COLUMN culprit_subject TEXT;
        ALTER TABLE kcidb_regressions ADD COLUMN culprit_author TEXT;
        ALTER TABLE kcidb_regressions ADD COLUMN culprit_issue TEXT;
        ALTER TABLE kcidb_regressions ADD COLUMN bisection TEXT;
        ALTER TABLE kcidb_regressions ADD COLUMN culprit_found {time};
        """;

    /// <summary>Migration kcidb 14: the files the culprit commit touches (a JSON array of paths, at most
    /// <see cref="RegressionCulprit.MaxFiles"/>), as the bisection read them from git, for `files` subscriptions
    /// (docs/notifications.md, "Files subscriptions"). Null when not given.</summary>
    public const string CulpritFiles = "ALTER TABLE kcidb_regressions ADD COLUMN culprit_files TEXT;";
}
