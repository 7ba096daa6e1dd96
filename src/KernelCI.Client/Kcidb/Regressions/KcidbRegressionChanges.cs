using System.Text.Json.Serialization;

namespace KernelCI.Client.Kcidb.Regressions;

/// <summary>A page of the change feed and the number to ask after next.</summary>
public sealed record KcidbRegressionChanges(
    [property: JsonPropertyName("changes")] IReadOnlyList<KcidbRegressionChange> Changes,
    [property: JsonPropertyName("next")] long Next);
