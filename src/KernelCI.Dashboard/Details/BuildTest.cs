using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Details;

/// <summary>One test of GET build/{id}/tests (upstream's BuildTestItem).</summary>
internal sealed record BuildTest(
    string Id, string Status, double? Duration, string? Path, string? StartTime, string[]? EnvironmentCompatible,
    JsonNode? EnvironmentMisc, string? Lab);
