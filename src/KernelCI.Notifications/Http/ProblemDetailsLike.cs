using System.Text.Json.Serialization;

namespace KernelCI.Notifications.Http;

/// <summary>A typed 404 body with the same `detail` as the component's ProblemDetails.</summary>
internal sealed record ProblemDetailsLike([property: JsonPropertyName("detail")] string Detail);
