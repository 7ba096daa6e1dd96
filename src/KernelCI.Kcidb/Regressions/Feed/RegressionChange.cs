using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Regressions.Feed;

/// <summary>One entry of the change feed: its number, the regression's id, and the regression as it is now (null
/// when a recomputation removed it: a status corrected from FAIL to PASS).</summary>
public sealed record RegressionChange(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("regression")] RegressionRecord? Regression);
