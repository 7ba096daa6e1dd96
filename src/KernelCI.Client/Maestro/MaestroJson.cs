using System.Text.Json;
using System.Text.Json.Serialization;

namespace KernelCI.Client.Maestro;

public static class MaestroJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new NaiveUtcDateTimeConverter() },
    };
}
