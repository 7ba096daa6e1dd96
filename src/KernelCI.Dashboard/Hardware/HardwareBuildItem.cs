using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Hardware;

/// <summary>A build in a hardware's builds list (kernelci/dashboard: backend/kernelCI_app/typeModels/hardwareDetails.py,
/// HardwareBuildHistoryItem). Missing architecture, compiler and config read "Unknown", and a failed build without an
/// issue has the issue "Uncategorized", as upstream's assign_default_record_values makes them.</summary>
internal sealed record HardwareBuildItem(
    string Id, string Origin, string Architecture, string ConfigName, JsonNode? Misc, string? ConfigUrl, string Compiler,
    string Status, double? Duration, string? LogUrl, string? StartTime, string? GitRepositoryUrl, string? GitRepositoryBranch,
    string? TreeName, string? IssueId, long? IssueVersion);
