using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Trees.Items;

/// <summary>One build of `tree/{hash}/builds` (upstream's BuildHistoryItem, kernelci/dashboard:backend/kernelCI_app/typeModels/commonDetails.py).</summary>
internal sealed record BuildItem(string Id, string Origin, string Architecture, string ConfigName, JsonNode? Misc, string? ConfigUrl,
    string Compiler, string Status, double? Duration, string? LogUrl, string? StartTime, string? GitRepositoryUrl, string? GitRepositoryBranch);
