using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Queries;

/// <summary>What one list endpoint may filter on and how it is ordered.</summary>
internal sealed record ListSpec(KcidbTable Table, ListOrder Order, IReadOnlyList<ListFilter> Filters)
{
    public static ListSpec Checkouts { get; } = new(KcidbTables.Checkouts, ListOrder.NewestFirst,
        [new("origin", "origin"), new("tree_name", "tree_name"), new("git_repository_branch", "git_repository_branch"),
         new("git_commit_hash", "git_commit_hash")]);

    public static ListSpec Builds { get; } = new(KcidbTables.Builds, ListOrder.NewestFirst,
        [new("origin", "origin"), new("checkout_id", "checkout_id"), new("architecture", "architecture"),
         new("config_name", "config_name"), new("status", "status", ListFilter.Statuses)]);

    public static ListSpec Tests { get; } = new(KcidbTables.Tests, ListOrder.NewestFirst,
        [new("origin", "origin"), new("build_id", "build_id"), new("path", "path"), new("status", "status", ListFilter.Statuses)]);

    public static ListSpec Issues { get; } = new(KcidbTables.Issues, ListOrder.ById, [new("origin", "origin")]);

    public static ListSpec Incidents { get; } = new(KcidbTables.Incidents, ListOrder.ById,
        [new("origin", "origin"), new("issue_id", "issue_id"), new("build_id", "build_id"), new("test_id", "test_id")]);

    public bool HasTimeRange => Order == ListOrder.NewestFirst;
}
