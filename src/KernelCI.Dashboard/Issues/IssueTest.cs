using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Issues;

/// <summary>One test of GET issue/{id}/tests (upstream's IssueTestItem).</summary>
internal sealed record IssueTest(
    string Id, string Status, double? Duration, string? Path, string? StartTime, string[]? EnvironmentCompatible,
    JsonNode? EnvironmentMisc, string? TreeName, string? GitRepositoryBranch, string? Lab);
