using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Queries;

internal sealed record Page(
    [property: JsonPropertyName("items")] IReadOnlyList<JsonObject> Items,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);
