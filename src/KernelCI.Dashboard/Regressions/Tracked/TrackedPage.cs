using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Regressions.Tracked;

/// <summary>A page of `regressions/` or `flaky/`: the items, and the limit and offset that chose them (the next page is
/// at offset + limit while a page is full).</summary>
internal sealed record TrackedPage<T>(
    [property: JsonPropertyName("items")] IReadOnlyList<T> Items,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("offset")] int Offset);
