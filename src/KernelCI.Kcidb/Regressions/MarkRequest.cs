using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Regressions;

/// <summary>`{"state": "invalid"}`.</summary>
public sealed record MarkRequest([property: JsonPropertyName("state")] string? State);
