using System.Text.Json.Serialization;
using KernelCI.Bench.KcidbIngest.Dataset.Model;

namespace KernelCI.Bench.KcidbIngest.Dataset;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KcidbCheckout))]
[JsonSerializable(typeof(KcidbBuild))]
[JsonSerializable(typeof(KcidbTest))]
[JsonSerializable(typeof(KcidbIssue))]
[JsonSerializable(typeof(KcidbIncident))]
[JsonSerializable(typeof(CheckoutMisc))]
[JsonSerializable(typeof(IssueMisc))]
[JsonSerializable(typeof(BuildMisc))]
[JsonSerializable(typeof(TestMisc))]
[JsonSerializable(typeof(EnvironmentMisc))]
[JsonSerializable(typeof(IReadOnlyList<KcidbResource>))]
internal sealed partial class DatasetJsonContext : JsonSerializerContext;
