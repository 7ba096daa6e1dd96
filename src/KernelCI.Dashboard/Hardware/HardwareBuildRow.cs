using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Hardware;

/// <summary>A build that has tests on the hardware, and the issues its own incidents name.</summary>
internal sealed record HardwareBuildRow(
    string Id, string Origin, string? Architecture, string? ConfigName, JsonNode? Misc, string? ConfigUrl, string? Compiler,
    string Status, double? Duration, string? LogUrl, string? StartTime, HardwareCheckout Checkout)
{
    public List<HardwareIncident> Incidents { get; } = [];
}
