namespace KernelCI.Maestro.Nodes;

/// <summary>The 23 fields every node carries, in upstream's order.</summary>
internal static class NodeFields
{
    public static readonly string[] All =
    [
        "id", "kind", "name", "path", "group", "parent", "state", "result", "artifacts", "data", "debug", "jobfilter",
        "platform_filter", "created", "updated", "timeout", "holdoff", "owner", "submitter", "treeid", "user_groups",
        "processed_by_kcidb_bridge", "retry_counter",
    ];

    public static readonly string[] Kinds = ["checkout", "kbuild", "job", "test", "process", "regression"];

    public static readonly string[] Patchable =
    [
        "state", "result", "artifacts", "data", "debug", "jobfilter", "platform_filter", "timeout", "holdoff",
        "processed_by_kcidb_bridge",
    ];

    public static readonly string[] TimeFields = ["created", "updated", "timeout", "holdoff"];

    public static readonly HashSet<string> ErrorCodes =
    [
        "invalid_job_params", "submit_error", "node_timeout", "job_generation_error", "kbuild_internal_error",
        "git_checkout_failure", "git_commit_error", "Infrastructure", "Canceled", "Job", "Bug", "Test", "Configuration",
        "LAVATimeout", "MultinodeTimeout", "ObjectNotPersisted", "Unexisting permission codename.",
    ];
}
