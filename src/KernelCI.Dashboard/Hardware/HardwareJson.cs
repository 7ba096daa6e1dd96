using System.Text.Json;

namespace KernelCI.Dashboard.Hardware;

/// <summary>The serializer options of the dashboard's answers (snake_case), for parts built as JSON nodes.</summary>
internal static class HardwareJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
