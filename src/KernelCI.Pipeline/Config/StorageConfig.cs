using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Config;

/// <summary>A storage entry: storage_type backend|ssh|azure, base_url, and the type's own keys in <see cref="Settings"/>.</summary>
public sealed record StorageConfig(string Name, string StorageType, string? BaseUrl, string? ApiUrl, JsonObject Settings);
