using System.Text.Json.Serialization;

namespace KernelCI.Bench.Storage.Report;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(StorageReport))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
