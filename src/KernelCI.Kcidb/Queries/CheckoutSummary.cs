using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Queries;

internal sealed record CheckoutSummary(
    [property: JsonPropertyName("checkout_id")] string CheckoutId,
    [property: JsonPropertyName("valid")] bool? Valid,
    [property: JsonPropertyName("builds")] StatusSummary Builds,
    [property: JsonPropertyName("tests")] StatusSummary Tests);
