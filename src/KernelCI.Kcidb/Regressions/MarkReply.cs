using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Regressions;

/// <summary>The regression's state after the change.</summary>
public sealed record MarkReply([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("state")] string State);
