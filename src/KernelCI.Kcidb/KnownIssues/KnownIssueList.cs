using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>`GET /known-issues`.</summary>
public sealed record KnownIssueList([property: JsonPropertyName("items")] IReadOnlyList<KnownIssueReply> Items);
