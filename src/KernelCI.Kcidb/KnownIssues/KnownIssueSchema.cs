namespace KernelCI.Kcidb.KnownIssues;

/// <summary>Migration `kcidb` 11 (docs/regressions.md, "Known issues"):
/// <list type="bullet">
/// <item><c>kcidb_known_issues</c>: each known issue's matcher, with the KCIDB issue version it was last submitted as and
/// whether it still has to be applied to the results already stored;</item>
/// <item><c>kcidb_result_cursor</c>: how far the background worker has read the failed builds and tests, by
/// (<c>_timestamp</c>, id), so a crash between ingestion and triage loses nothing. It starts at the newest row when the
/// migration runs: an existing database's history is not triaged.</item>
/// </list>
/// On SQLite the worker reads failed results in ingestion order through two partial indexes; PostgreSQL has
/// <c>builds__timestamp</c> and <c>tests__timestamp</c> already.</summary>
internal static class KnownIssueSchema
{
    /// <summary>Migration `kcidb` 13: matchers of failed builds (docs/regressions.md, "Known issues"). Existing matchers
    /// are test matchers.</summary>
    public const string BuildMatchers = """
        ALTER TABLE kcidb_known_issues ADD COLUMN kind TEXT NOT NULL DEFAULT 'test';
        ALTER TABLE kcidb_known_issues ADD COLUMN config TEXT;
        ALTER TABLE kcidb_known_issues ADD COLUMN architecture TEXT;
        ALTER TABLE kcidb_known_issues ADD COLUMN compiler TEXT;
        """;

    public static string Sqlite => Tables("INTEGER") + """

        CREATE INDEX IF NOT EXISTS builds_failed__timestamp ON builds (_timestamp, id) WHERE status IN ('FAIL', 'ERROR');
        CREATE INDEX IF NOT EXISTS tests_failed__timestamp ON tests (_timestamp, id) WHERE status IN ('FAIL', 'ERROR');

        INSERT INTO kcidb_result_cursor (source, ts, id)
            SELECT 'builds', COALESCE(MAX(_timestamp), 0), '' FROM builds WHERE true
            ON CONFLICT (source) DO NOTHING;
        INSERT INTO kcidb_result_cursor (source, ts, id)
            SELECT 'tests', COALESCE(MAX(_timestamp), 0), '' FROM tests WHERE true
            ON CONFLICT (source) DO NOTHING;
        """;

    public static string PostgreSql => Tables("TIMESTAMPTZ") + """

        INSERT INTO kcidb_result_cursor (source, ts, id)
            SELECT 'builds', COALESCE(MAX(_timestamp), 'epoch'::timestamptz), '' FROM builds
            ON CONFLICT (source) DO NOTHING;
        INSERT INTO kcidb_result_cursor (source, ts, id)
            SELECT 'tests', COALESCE(MAX(_timestamp), 'epoch'::timestamptz), '' FROM tests
            ON CONFLICT (source) DO NOTHING;
        """;

    private static string Tables(string time) => $"""
        CREATE TABLE IF NOT EXISTS kcidb_known_issues (
            issue_id TEXT NOT NULL PRIMARY KEY,
            issue_version INTEGER NOT NULL,
            report_subject TEXT NOT NULL,
            comment TEXT,
            culprit_code BOOLEAN,
            culprit_tool BOOLEAN,
            culprit_harness BOOLEAN,
            test_path TEXT NOT NULL,
            platform TEXT NOT NULL,
            origin TEXT,
            log_regex TEXT,
            backfill_pending BOOLEAN NOT NULL,
            changed_by TEXT NOT NULL,
            updated {time} NOT NULL
        );

        CREATE TABLE IF NOT EXISTS kcidb_result_cursor (
            source TEXT NOT NULL PRIMARY KEY,
            ts {time} NOT NULL,
            id TEXT NOT NULL
        );
        """;
}
