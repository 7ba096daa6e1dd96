using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>KCIDB's culprit flags; an absent one is unknown.</summary>
public sealed record KnownIssueCulprit(
    [property: JsonPropertyName("code")] bool? Code,
    [property: JsonPropertyName("tool")] bool? Tool,
    [property: JsonPropertyName("harness")] bool? Harness);
