using System.Text.Json.Nodes;
using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Hardware;

/// <summary>A test on the hardware at a selected checkout, its build and tree, and the issues its incidents name.</summary>
internal sealed record HardwareTestRow(
    string Id, string Origin, JsonNode? EnvironmentMisc, string? Path, string? LogUrl, string Status, string? StartTime,
    double? Duration, JsonNode? Misc, string[]? Compatibles, HardwareBuildRow Build, HardwareTree Tree)
{
    public List<HardwareIncident> Incidents { get; } = [];

    /// <summary>What the row stands for: one test (lists and summary), a count of like tests from dash_build_tests
    /// (summary counts only), or one failing test read for its issues and error message only.</summary>
    public HardwareRowRole Role { get; init; } = HardwareRowRole.Test;

    /// <summary>How many tests the row counts as.</summary>
    public long Weight { get; init; } = 1;

    public bool IsBoot => TestKinds.IsBoot(Path);

    public string? Platform => EnvironmentMisc is JsonObject o && o["platform"] is JsonValue v && v.TryGetValue(out string? p) ? p : null;

    public string? Lab => Misc is JsonObject o && o["runtime"] is JsonValue v && v.TryGetValue(out string? l) ? l : null;
}
