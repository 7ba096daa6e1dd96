using System.Text.Json;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The lab API's JSON: snake_case, as the rest of the pipeline API.</summary>
internal static class PullJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
