namespace KernelCI.Kcidb.Store;

/// <summary>Views presenting the SQLite tables as upstream's SQLite schema has them (kcidb:kcidb/db/sqlite/v05_03.py):
/// every timestamp as ISO-8601 text with microseconds, and nested fields under upstream's dotted column names
/// ("environment.comment"), so that SQL written for upstream's SQLite file runs on ours with the view names
/// (docs/kcidb.md, "SQLite file"). The tables keep INTEGER microseconds (KcidbSqliteSchema: they lead most index keys,
/// and ingestion speed depends on it); the views cost nothing until read.</summary>
internal static class KcidbSqliteIsoViews
{
    /// <summary>Recreated whole (DROP then CREATE): a later migration adding a column recreates them the same way.</summary>
    public static string Views { get; } = $$"""
        DROP VIEW IF EXISTS checkouts_iso;
        CREATE VIEW checkouts_iso AS SELECT
            {{Iso("_timestamp")}},
            id,
            origin,
            tree_name,
            git_repository_url,
            git_commit_hash,
            git_commit_name,
            git_repository_branch,
            patchset_files,
            patchset_hash,
            message_id,
            comment,
            {{Iso("start_time")}},
            log_url,
            log_excerpt,
            valid,
            misc,
            git_commit_tags,
            git_commit_message,
            git_repository_branch_tip,
            {{Iso("origin_builds_finish_time")}},
            {{Iso("origin_tests_finish_time")}}
        FROM checkouts;

        DROP VIEW IF EXISTS builds_iso;
        CREATE VIEW builds_iso AS SELECT
            {{Iso("_timestamp")}},
            checkout_id,
            id,
            origin,
            comment,
            {{Iso("start_time")}},
            duration,
            architecture,
            command,
            compiler,
            input_files,
            output_files,
            config_name,
            config_url,
            log_url,
            log_excerpt,
            misc,
            status
        FROM builds;

        DROP VIEW IF EXISTS tests_iso;
        CREATE VIEW tests_iso AS SELECT
            {{Iso("_timestamp")}},
            build_id,
            id,
            origin,
            environment_comment AS "environment.comment",
            environment_misc AS "environment.misc",
            path,
            comment,
            log_url,
            log_excerpt,
            status,
            {{Iso("start_time")}},
            duration,
            output_files,
            misc,
            environment_compatible AS "environment.compatible",
            number_value AS "number.value",
            number_unit AS "number.unit",
            number_prefix AS "number.prefix",
            input_files
        FROM tests;

        DROP VIEW IF EXISTS issues_iso;
        CREATE VIEW issues_iso AS SELECT
            {{Iso("_timestamp")}},
            id,
            version,
            origin,
            report_url,
            report_subject,
            culprit_code AS "culprit.code",
            culprit_tool AS "culprit.tool",
            culprit_harness AS "culprit.harness",
            comment,
            misc,
            categories
        FROM issues;

        DROP VIEW IF EXISTS incidents_iso;
        CREATE VIEW incidents_iso AS SELECT
            {{Iso("_timestamp")}},
            id,
            origin,
            issue_id,
            issue_version,
            build_id,
            test_id,
            present,
            comment,
            misc
        FROM incidents;
        """;

    /// <summary>Microseconds since 1970 → upstream's `isoformat(timespec='microseconds')` in UTC, as the PostgreSQL
    /// store and the API answer (KcidbTimestamp.Format). The fraction is taken modulo upward so that instants
    /// before 1970 (negative values) come out right; NULL stays NULL.</summary>
    private static string Iso(string column) =>
        $"strftime('%Y-%m-%dT%H:%M:%S', ({column} - (({column} % 1000000) + 1000000) % 1000000) / 1000000, 'unixepoch')"
        + $" || printf('.%06d+00:00', (({column} % 1000000) + 1000000) % 1000000) AS {column}";
}
