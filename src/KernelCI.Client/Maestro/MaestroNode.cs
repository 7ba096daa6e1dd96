using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KernelCI.Client.Maestro;

/// <summary>A Maestro node with upstream's 23 fields. <see cref="Data"/> stays a JSON object so that kind-specific and
/// unknown keys round-trip.</summary>
public sealed record MaestroNode
{
    public string? Id { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> Path { get; init; } = [];

    public string? Group { get; init; }

    public string? Parent { get; init; }

    public string State { get; init; } = "running";

    public string? Result { get; init; }

    public IReadOnlyDictionary<string, string> Artifacts { get; init; } = new Dictionary<string, string>();

    public JsonObject Data { get; init; } = [];

    public JsonObject Debug { get; init; } = [];

    public IReadOnlyList<string>? Jobfilter { get; init; }

    [JsonPropertyName("platform_filter")]
    public IReadOnlyList<string> PlatformFilter { get; init; } = [];

    public DateTime? Created { get; init; }

    public DateTime? Updated { get; init; }

    public DateTime? Timeout { get; init; }

    public DateTime? Holdoff { get; init; }

    public string? Owner { get; init; }

    public string? Submitter { get; init; }

    public string? Treeid { get; init; }

    [JsonPropertyName("user_groups")]
    public IReadOnlyList<string> UserGroups { get; init; } = [];

    [JsonPropertyName("processed_by_kcidb_bridge")]
    public bool ProcessedByKcidbBridge { get; init; }

    [JsonPropertyName("retry_counter")]
    public int RetryCounter { get; init; }
}
