using System.Text.Json.Serialization;

namespace KernelCI.Maestro;

[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class MaestroJsonContext : JsonSerializerContext;
