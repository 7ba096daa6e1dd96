using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Regressions.Feed;

/// <summary>A page of the change feed and the number to ask after next (the last change's, or the one asked after when
/// the page is empty).</summary>
public sealed record RegressionChangePage(
    [property: JsonPropertyName("changes")] IReadOnlyList<RegressionChange> Changes,
    [property: JsonPropertyName("next")] long Next);
