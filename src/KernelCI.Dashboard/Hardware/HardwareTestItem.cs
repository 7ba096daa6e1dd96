using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Hardware;

/// <summary>A boot or test in a hardware's lists (kernelci/dashboard: backend/kernelCI_app/typeModels/hardwareDetails.py,
/// HardwareTestHistoryItem): `environment_misc` is only the platform unless `full_environment_misc` is asked, and null
/// for an item that is only counted in the summary (never listed).</summary>
internal sealed record HardwareTestItem(
    string Id, string Origin, string Status, double? Duration, string? Path, string? StartTime, string[]? EnvironmentCompatible,
    string Config, string? LogUrl, string Architecture, string Compiler, JsonNode? EnvironmentMisc, string Lab, string? TreeName,
    string? GitRepositoryBranch);
