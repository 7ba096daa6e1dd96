using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Search;

/// <summary>One answer of `search`: what it is, what matched, and where the web dashboard shows it.</summary>
internal sealed record SearchHit(string Kind, string Id, string Title, string Url, string Field, string Match, string? Origin, string? StartTime)
{
    /// <summary>0 an exact id or hash, 1 an id or hash prefix, 2 an exact name, 3 a name prefix.</summary>
    [JsonIgnore]
    public int Rank { get; init; }

    [JsonIgnore]
    public DateTimeOffset? Time { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TreeName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GitRepositoryBranch { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GitCommitHash { get; init; }
}
