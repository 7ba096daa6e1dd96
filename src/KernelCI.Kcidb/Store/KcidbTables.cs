using static KernelCI.Kcidb.Store.ColumnKind;

namespace KernelCI.Kcidb.Store;

/// <summary>The five object types as upstream's PostgreSQL schema v5.3 stores them (kcidb/db/postgresql/v05_03.py).</summary>
internal static class KcidbTables
{
    public static KcidbTable Checkouts { get; } = new("checkouts", ["id"],
    [
        new("id", Text), new("origin", Text), new("tree_name", Text), new("git_repository_url", Text),
        new("git_commit_hash", Text), new("git_commit_name", Text), new("git_repository_branch", Text),
        new("patchset_files", Json), new("patchset_hash", Text), new("message_id", Text), new("comment", Text),
        new("start_time", Timestamp), new("log_url", Text), new("log_excerpt", Text), new("valid", Bool),
        new("misc", Json), new("git_commit_tags", TextArray), new("git_commit_message", Text),
        new("git_repository_branch_tip", Bool), new("origin_builds_finish_time", Timestamp),
        new("origin_tests_finish_time", Timestamp),
    ]);

    public static KcidbTable Builds { get; } = new("builds", ["id"],
    [
        new("checkout_id", Text), new("id", Text), new("origin", Text), new("comment", Text),
        new("start_time", Timestamp), new("duration", Float), new("architecture", Text), new("command", Text),
        new("compiler", Text), new("input_files", Json), new("output_files", Json), new("config_name", Text),
        new("config_url", Text), new("log_url", Text), new("log_excerpt", Text), new("misc", Json), new("status", EnumText),
    ]);

    public static KcidbTable Tests { get; } = new("tests", ["id"],
    [
        new("build_id", Text), new("id", Text), new("origin", Text),
        new("environment_comment", Text, "environment"), new("environment_misc", Json, "environment"),
        new("environment_compatible", TextArray, "environment"), new("path", Text), new("comment", Text),
        new("log_url", Text), new("log_excerpt", Text), new("status", EnumText),
        new("number_value", Float, "number"), new("number_unit", Text, "number"), new("number_prefix", EnumText, "number"),
        new("start_time", Timestamp), new("duration", Float), new("input_files", Json), new("output_files", Json),
        new("misc", Json),
    ]);

    public static KcidbTable Issues { get; } = new("issues", ["id", "version"],
    [
        new("id", Text), new("version", Integer), new("origin", Text), new("report_url", Text),
        new("report_subject", Text), new("culprit_code", Bool, "culprit"), new("culprit_tool", Bool, "culprit"),
        new("culprit_harness", Bool, "culprit"), new("comment", Text), new("misc", Json),
        new("categories", TextArray),
    ]);

    public static KcidbTable Incidents { get; } = new("incidents", ["id"],
    [
        new("id", Text), new("origin", Text), new("issue_id", Text), new("issue_version", Integer),
        new("build_id", Text), new("test_id", Text), new("present", Bool), new("comment", Text), new("misc", Json),
    ]);

    /// <summary>In the Dashboard ingester's load order: issues, then the tree from the top.</summary>
    public static IReadOnlyList<KcidbTable> All { get; } = [Issues, Checkouts, Builds, Tests, Incidents];

    /// <summary>In I/O document order.</summary>
    public static IReadOnlyList<KcidbTable> DocumentOrder { get; } = [Checkouts, Builds, Tests, Issues, Incidents];
}
