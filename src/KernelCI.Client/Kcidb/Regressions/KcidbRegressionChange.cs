using System.Text.Json.Serialization;

namespace KernelCI.Client.Kcidb.Regressions;

/// <summary>One change: its number, the regression's id, and the regression now (null: removed).</summary>
public sealed record KcidbRegressionChange(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("regression")] KcidbRegression? Regression);
