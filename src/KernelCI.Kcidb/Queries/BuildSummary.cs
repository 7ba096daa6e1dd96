using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Queries;

internal sealed record BuildSummary(
    [property: JsonPropertyName("build_id")] string BuildId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("tests")] StatusSummary Tests);
