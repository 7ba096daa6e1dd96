namespace KernelCI.Kcidb.Store;

/// <summary>Upstream's indexes of schema v5.3 by upstream's names, then the few our list and summary queries need.</summary>
internal static class KcidbPostgreSqlIndexes
{
    public const string Upstream = """
        CREATE INDEX IF NOT EXISTS checkouts__timestamp ON checkouts (_timestamp);
        CREATE INDEX IF NOT EXISTS builds__timestamp ON builds (_timestamp);
        CREATE INDEX IF NOT EXISTS tests__timestamp ON tests (_timestamp);
        CREATE INDEX IF NOT EXISTS issues__timestamp ON issues (_timestamp);
        CREATE INDEX IF NOT EXISTS incidents__timestamp ON incidents (_timestamp);

        CREATE INDEX IF NOT EXISTS checkouts_git_commit_hash_patchset_hash ON checkouts (git_commit_hash, patchset_hash);
        CREATE INDEX IF NOT EXISTS checkouts_origin ON checkouts (origin);
        CREATE INDEX IF NOT EXISTS checkouts_start_time ON checkouts (start_time);
        CREATE INDEX IF NOT EXISTS checkouts_git_repository_url ON checkouts (git_repository_url);
        CREATE INDEX IF NOT EXISTS checkouts_git_repository_branch ON checkouts (git_repository_branch);
        CREATE INDEX IF NOT EXISTS checkouts_valid ON checkouts (valid);
        CREATE INDEX IF NOT EXISTS checkouts_tree_name ON checkouts (tree_name);
        CREATE INDEX IF NOT EXISTS checkouts_git_commit_tags ON checkouts USING GIN (git_commit_tags);
        -- Upstream's v4.9 gives this name to a second index on the URL; kept as is so the schemas compare equal.
        CREATE INDEX IF NOT EXISTS checkouts_git_repository_branch_tip ON checkouts (git_repository_url);
        CREATE INDEX IF NOT EXISTS checkouts_origin_builds_finish_time ON checkouts (origin_builds_finish_time);
        CREATE INDEX IF NOT EXISTS checkouts_origin_tests_finish_time ON checkouts (origin_tests_finish_time);

        CREATE INDEX IF NOT EXISTS builds_checkout_id ON builds (checkout_id);
        CREATE INDEX IF NOT EXISTS builds_origin ON builds (origin);
        CREATE INDEX IF NOT EXISTS builds_start_time ON builds (start_time);
        CREATE INDEX IF NOT EXISTS builds_architecture ON builds (architecture);
        CREATE INDEX IF NOT EXISTS builds_config_name ON builds (config_name);
        CREATE INDEX IF NOT EXISTS builds_compiler ON builds (compiler);
        CREATE INDEX IF NOT EXISTS builds_status ON builds (status);

        CREATE INDEX IF NOT EXISTS tests_build_id ON tests (build_id);
        CREATE INDEX IF NOT EXISTS tests_origin ON tests (origin);
        CREATE INDEX IF NOT EXISTS tests_start_time ON tests (start_time);
        CREATE INDEX IF NOT EXISTS tests_path ON tests (path);
        CREATE INDEX IF NOT EXISTS tests_status ON tests (status);
        CREATE INDEX IF NOT EXISTS tests_environment_compatible ON tests USING GIN (environment_compatible);
        CREATE INDEX IF NOT EXISTS tests_number_value ON tests (number_value);
        CREATE INDEX IF NOT EXISTS tests_number_unit ON tests (number_unit);

        CREATE INDEX IF NOT EXISTS issues_origin ON issues (origin);
        CREATE INDEX IF NOT EXISTS issues_report_url ON issues (report_url);
        CREATE INDEX IF NOT EXISTS issues_culprit_code ON issues (culprit_code);
        CREATE INDEX IF NOT EXISTS issues_culprit_tool ON issues (culprit_tool);
        CREATE INDEX IF NOT EXISTS issues_culprit_harness ON issues (culprit_harness);
        CREATE INDEX IF NOT EXISTS issues_categories ON issues USING GIN (categories);

        CREATE INDEX IF NOT EXISTS incidents_build_id ON incidents (build_id);
        CREATE INDEX IF NOT EXISTS incidents_test_id ON incidents (test_id);
        CREATE INDEX IF NOT EXISTS incidents_issue_id ON incidents (issue_id);
        CREATE INDEX IF NOT EXISTS incidents_issue_version ON incidents (issue_version);
        CREATE INDEX IF NOT EXISTS incidents_present ON incidents (present);
        CREATE INDEX IF NOT EXISTS incidents_origin ON incidents (origin);
        """;

    // Lists go newest first with keyset paging on (start_time, id); a filter on a large, selective value (a test path or
    // status) must not sort every match. The (build_id, status) index answers summaries from the index alone.
    public const string Queries = """
        CREATE INDEX IF NOT EXISTS checkouts_start_time_id ON checkouts (start_time DESC NULLS LAST, id);
        CREATE INDEX IF NOT EXISTS builds_start_time_id ON builds (start_time DESC NULLS LAST, id);
        CREATE INDEX IF NOT EXISTS builds_status_start_time_id ON builds (status, start_time DESC NULLS LAST, id);
        CREATE INDEX IF NOT EXISTS tests_start_time_id ON tests (start_time DESC NULLS LAST, id);
        CREATE INDEX IF NOT EXISTS tests_path_start_time_id ON tests (path, start_time DESC NULLS LAST, id);
        CREATE INDEX IF NOT EXISTS tests_status_start_time_id ON tests (status, start_time DESC NULLS LAST, id);
        CREATE INDEX IF NOT EXISTS tests_build_id_status ON tests (build_id, status);
        """;

    public const string Submissions = """
        CREATE TABLE IF NOT EXISTS kcidb_submissions (
            id TEXT PRIMARY KEY,
            ingested_at TIMESTAMP WITH TIME ZONE NOT NULL
        );
        """;
}
