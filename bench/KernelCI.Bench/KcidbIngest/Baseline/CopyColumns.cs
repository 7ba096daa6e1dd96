using System.Text.Json;
using KernelCI.Bench.KcidbIngest.Dataset;
using KernelCI.Bench.KcidbIngest.Dataset.Model;

namespace KernelCI.Bench.KcidbIngest.Baseline;

/// <summary>Every field the dataset sends, mapped to the column upstream's PostgreSQL schema (kcidb v5.3) gives it.</summary>
internal static class CopyColumns
{
    private static readonly DatasetJsonContext Json = DatasetJsonContext.Default;

    public static IReadOnlyList<CopyColumn<KcidbCheckout>> Checkouts { get; } =
    [
        new("id", c => c.Id), new("origin", c => c.Origin), new("tree_name", c => c.TreeName),
        new("git_repository_url", c => c.GitRepositoryUrl), new("git_commit_hash", c => c.GitCommitHash),
        new("git_commit_name", c => c.GitCommitName), new("git_repository_branch", c => c.GitRepositoryBranch),
        new("git_commit_tags", c => c.GitCommitTags), new("git_commit_message", c => c.GitCommitMessage),
        new("git_repository_branch_tip", c => c.GitRepositoryBranchTip), new("patchset_hash", c => c.PatchsetHash),
        new("start_time", c => c.StartTime), new("valid", c => c.Valid),
        new("misc", c => new JsonText(JsonSerializer.Serialize(c.Misc, Json.CheckoutMisc))),
    ];

    public static IReadOnlyList<CopyColumn<KcidbIssue>> Issues { get; } =
    [
        new("id", i => i.Id), new("version", i => i.Version), new("origin", i => i.Origin), new("comment", i => i.Comment),
        new("culprit_code", i => i.Culprit.Code), new("culprit_tool", i => i.Culprit.Tool), new("culprit_harness", i => i.Culprit.Harness),
        new("misc", i => new JsonText(JsonSerializer.Serialize(i.Misc, Json.IssueMisc))),
    ];

    public static IReadOnlyList<CopyColumn<KcidbBuild>> Builds { get; } =
    [
        new("id", b => b.Id), new("origin", b => b.Origin), new("checkout_id", b => b.CheckoutId), new("comment", b => b.Comment),
        new("start_time", b => b.StartTime), new("duration", b => b.Duration), new("architecture", b => b.Architecture),
        new("compiler", b => b.Compiler), new("config_name", b => b.ConfigName), new("config_url", b => b.ConfigUrl),
        new("log_url", b => b.LogUrl), new("log_excerpt", b => b.LogExcerpt),
        new("output_files", b => new JsonText(JsonSerializer.Serialize(b.OutputFiles, Json.IReadOnlyListKcidbResource))),
        new("misc", b => new JsonText(JsonSerializer.Serialize(b.Misc, Json.BuildMisc))), new("status", b => b.Status),
    ];

    public static IReadOnlyList<CopyColumn<KcidbTest>> Tests { get; } =
    [
        new("id", t => t.Id), new("origin", t => t.Origin), new("build_id", t => t.BuildId), new("comment", t => t.Comment),
        new("start_time", t => t.StartTime), new("duration", t => t.Duration), new("path", t => t.Path), new("status", t => t.Status),
        new("environment_comment", t => t.Environment.Comment), new("environment_compatible", t => t.Environment.Compatible),
        new("environment_misc", t => new JsonText(JsonSerializer.Serialize(t.Environment.Misc, Json.EnvironmentMisc))),
        new("log_url", t => t.LogUrl), new("log_excerpt", t => t.LogExcerpt),
        new("output_files", t => t.OutputFiles is null ? null : new JsonText(JsonSerializer.Serialize(t.OutputFiles, Json.IReadOnlyListKcidbResource))),
        new("misc", t => new JsonText(JsonSerializer.Serialize(t.Misc, Json.TestMisc))),
    ];

    public static IReadOnlyList<CopyColumn<KcidbIncident>> Incidents { get; } =
    [
        new("id", i => i.Id), new("origin", i => i.Origin), new("issue_id", i => i.IssueId), new("issue_version", i => i.IssueVersion),
        new("build_id", i => i.BuildId), new("test_id", i => i.TestId), new("present", i => i.Present), new("comment", i => i.Comment),
    ];
}
