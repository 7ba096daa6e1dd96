using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Issues;

/// <summary>GET issue/{id}'s answer (upstream's IssueDetailsResponse).</summary>
internal sealed record IssueDetails(
    string? FieldTimestamp, string Id, long Version, string Origin, string? ReportUrl, string? ReportSubject,
    bool? CulpritCode, bool? CulpritTool, bool? CulpritHarness, string? Comment, JsonNode? Misc, string[]? Categories,
    IReadOnlyDictionary<string, IssueExtra> Extra);
