using System.Text.Json.Nodes;
using KernelCI.Dashboard.Filters;

namespace KernelCI.Dashboard.Trees;

/// <summary>A build of a checkout with one of its own incidents (a build with several has several rows, one without
/// any has one with a null issue). Status is the raw status or <c>NULL</c>.</summary>
internal sealed record BuildRow(string Id, string Origin, string CheckoutId, DateTimeOffset? StartTime, double? Duration,
    string? Architecture, string? Compiler, string? ConfigName, string? ConfigUrl, string? LogUrl, string Status, JsonNode? Misc,
    IssueRef? Issue, string? IssueComment, string? IssueReportUrl)
{
    public string? Lab => Misc is JsonObject misc ? (misc["lab"] is JsonValue lab && lab.TryGetValue(out string? text) ? text : FilterSet.Unknown) : null;

    public string? MiscPlatform => Misc is JsonObject misc && misc["platform"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
