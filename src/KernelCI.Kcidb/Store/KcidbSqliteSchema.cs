namespace KernelCI.Kcidb.Store;

/// <summary>The same tables on SQLite, close to upstream's SQLite driver: TEXT, REAL and INTEGER columns, JSON and arrays as
/// JSON text. Timestamps are INTEGER microseconds since 1970 UTC rather than text: they lead most index keys, and a quarter
/// of the key size is a quarter of the pages every insert touches.</summary>
internal static class KcidbSqliteSchema
{
    public const string Tables = """
        CREATE TABLE IF NOT EXISTS checkouts (
            _timestamp INTEGER,
            id TEXT NOT NULL PRIMARY KEY,
            origin TEXT NOT NULL,
            tree_name TEXT,
            git_repository_url TEXT,
            git_commit_hash TEXT,
            git_commit_name TEXT,
            git_repository_branch TEXT,
            patchset_files TEXT,
            patchset_hash TEXT,
            message_id TEXT,
            comment TEXT,
            start_time INTEGER,
            log_url TEXT,
            log_excerpt TEXT,
            valid INTEGER,
            misc TEXT,
            git_commit_tags TEXT,
            git_commit_message TEXT,
            git_repository_branch_tip INTEGER,
            origin_builds_finish_time INTEGER,
            origin_tests_finish_time INTEGER
        );

        CREATE TABLE IF NOT EXISTS builds (
            _timestamp INTEGER,
            checkout_id TEXT NOT NULL,
            id TEXT NOT NULL PRIMARY KEY,
            origin TEXT NOT NULL,
            comment TEXT,
            start_time INTEGER,
            duration REAL,
            architecture TEXT,
            command TEXT,
            compiler TEXT,
            input_files TEXT,
            output_files TEXT,
            config_name TEXT,
            config_url TEXT,
            log_url TEXT,
            log_excerpt TEXT,
            misc TEXT,
            status TEXT
        );

        CREATE TABLE IF NOT EXISTS tests (
            _timestamp INTEGER,
            build_id TEXT NOT NULL,
            id TEXT NOT NULL PRIMARY KEY,
            origin TEXT NOT NULL,
            environment_comment TEXT,
            environment_misc TEXT,
            path TEXT,
            comment TEXT,
            log_url TEXT,
            log_excerpt TEXT,
            status TEXT,
            start_time INTEGER,
            duration REAL,
            output_files TEXT,
            misc TEXT,
            environment_compatible TEXT,
            number_value REAL,
            number_unit TEXT,
            number_prefix TEXT,
            input_files TEXT
        );

        CREATE TABLE IF NOT EXISTS issues (
            _timestamp INTEGER,
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            origin TEXT NOT NULL,
            report_url TEXT,
            report_subject TEXT,
            culprit_code INTEGER,
            culprit_tool INTEGER,
            culprit_harness INTEGER,
            comment TEXT,
            misc TEXT,
            categories TEXT,
            PRIMARY KEY (id, version)
        );

        CREATE TABLE IF NOT EXISTS incidents (
            _timestamp INTEGER,
            id TEXT NOT NULL PRIMARY KEY,
            origin TEXT NOT NULL,
            issue_id TEXT NOT NULL,
            issue_version INTEGER NOT NULL,
            build_id TEXT,
            test_id TEXT,
            present INTEGER,
            comment TEXT,
            misc TEXT
        );

        CREATE TABLE IF NOT EXISTS kcidb_submissions (
            id TEXT NOT NULL PRIMARY KEY,
            ingested_at TEXT NOT NULL
        );
        """;

    // Only what the queries use: every write updates every index, and tests arrive by the million. Each list filter leads
    // an index that continues in list order (start_time newest first, then id), so no filter sorts all its matches.
    public const string Indexes = """
        CREATE INDEX IF NOT EXISTS checkouts_start_time_id ON checkouts (start_time DESC, id);
        CREATE INDEX IF NOT EXISTS checkouts_origin_start_time ON checkouts (origin, start_time DESC, id);
        CREATE INDEX IF NOT EXISTS checkouts_tree_name_start_time ON checkouts (tree_name, start_time DESC, id);
        CREATE INDEX IF NOT EXISTS checkouts_git_repository_branch_start_time ON checkouts (git_repository_branch, start_time DESC, id);
        CREATE INDEX IF NOT EXISTS checkouts_git_commit_hash_patchset_hash ON checkouts (git_commit_hash, patchset_hash);

        CREATE INDEX IF NOT EXISTS builds_start_time_id ON builds (start_time DESC, id);
        CREATE INDEX IF NOT EXISTS builds_checkout_id ON builds (checkout_id);
        CREATE INDEX IF NOT EXISTS builds_origin_start_time ON builds (origin, start_time DESC, id);
        CREATE INDEX IF NOT EXISTS builds_architecture_start_time ON builds (architecture, start_time DESC, id);
        CREATE INDEX IF NOT EXISTS builds_config_name_start_time ON builds (config_name, start_time DESC, id);
        CREATE INDEX IF NOT EXISTS builds_status_start_time ON builds (status, start_time DESC, id);

        CREATE INDEX IF NOT EXISTS tests_start_time_id ON tests (start_time DESC, id);
        CREATE INDEX IF NOT EXISTS tests_build_id_status ON tests (build_id, status);
        CREATE INDEX IF NOT EXISTS tests_path_start_time ON tests (path, start_time DESC, id);

        CREATE INDEX IF NOT EXISTS issues_origin ON issues (origin);

        CREATE INDEX IF NOT EXISTS incidents_build_id ON incidents (build_id);
        CREATE INDEX IF NOT EXISTS incidents_test_id ON incidents (test_id);
        CREATE INDEX IF NOT EXISTS incidents_issue_id ON incidents (issue_id, issue_version);
        CREATE INDEX IF NOT EXISTS incidents_origin ON incidents (origin);
        """;

    // A few hundred distinct paths take every test, so each transaction dirties a leaf page per path: this index cost
    // more to write than the other three of the table together (4 µs per test at full scale). Without the 32 bytes
    // of id per entry it costs 1.6 µs less; a path's tests are still read newest first from it, and the rare ties on
    // start_time are ordered by id in a small sort ("USE TEMP B-TREE FOR LAST TERM OF ORDER BY").
    public const string PathIndexWithoutId = """
        DROP INDEX IF EXISTS tests_path_start_time;
        CREATE INDEX tests_path_start_time ON tests (path, start_time DESC);
        """;
}
