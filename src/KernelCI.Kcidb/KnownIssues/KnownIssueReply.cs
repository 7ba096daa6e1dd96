using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>A known issue as the API shows it.</summary>
public sealed record KnownIssueReply(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("report_subject")] string ReportSubject,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("culprit")] KnownIssueCulprit Culprit,
    [property: JsonPropertyName("test_path")] string TestPath,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("origin")] string? Origin,
    [property: JsonPropertyName("log_regex")] string? LogRegex,
    [property: JsonPropertyName("applying_to_stored_results")] bool BackfillPending,
    [property: JsonPropertyName("changed_by")] string ChangedBy,
    [property: JsonPropertyName("updated")] DateTimeOffset Updated,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("config")] string? Config,
    [property: JsonPropertyName("architecture")] string? Architecture,
    [property: JsonPropertyName("compiler")] string? Compiler)
{
    internal static KnownIssueReply From(KnownIssue issue) => new(issue.IssueId, issue.Version, issue.ReportSubject, issue.Comment,
        new KnownIssueCulprit(issue.CulpritCode, issue.CulpritTool, issue.CulpritHarness), issue.TestPath, issue.Platform, issue.Origin,
        issue.LogRegex, issue.BackfillPending, issue.ChangedBy, issue.Updated, issue.Kind, issue.Config, issue.Architecture, issue.Compiler);
}
