using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Issues;

/// <summary>One build of GET issue/{id}/builds (upstream's IssueBuildItem).</summary>
internal sealed record IssueBuild(
    string Id, string? Architecture, string? ConfigName, string Status, string? StartTime, double? Duration,
    string? Compiler, string? LogUrl, string? TreeName, string? GitRepositoryBranch, JsonNode? Misc);
