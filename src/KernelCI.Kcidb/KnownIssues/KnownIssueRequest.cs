using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>The body of `POST /known-issues` and `PUT /known-issues/{id}`; on PUT an absent field keeps its value.</summary>
public sealed record KnownIssueRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("report_subject")] string? ReportSubject,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("culprit")] KnownIssueCulprit? Culprit,
    [property: JsonPropertyName("test_path")] string? TestPath,
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("origin")] string? Origin,
    [property: JsonPropertyName("log_regex")] string? LogRegex,
    [property: JsonPropertyName("kind")] string? Kind = null,
    [property: JsonPropertyName("config")] string? Config = null,
    [property: JsonPropertyName("architecture")] string? Architecture = null,
    [property: JsonPropertyName("compiler")] string? Compiler = null);
