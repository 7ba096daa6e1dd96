using System.Text.Json.Serialization;

namespace KernelCI.Bench.Pipeline;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PipelineReport))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
