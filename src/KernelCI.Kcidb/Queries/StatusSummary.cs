using System.Text.Json.Serialization;

namespace KernelCI.Kcidb.Queries;

/// <summary>A group of builds or tests: the most important status among them, how many there are, and how many have
/// each status ("none" counts those without one yet).</summary>
internal sealed record StatusSummary(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("by_status")] IReadOnlyDictionary<string, long> ByStatus)
{
    public const string None = "none";

    /// <summary>Upstream's priority, most important first (kcidb-io $defs/status; the OO layer ranks a missing status last).</summary>
    public static IReadOnlyList<string> Precedence { get; } = [.. ListFilter.Statuses, None];

    public static StatusSummary From(IReadOnlyDictionary<string, long> counts)
    {
        var byStatus = Precedence.ToDictionary(s => s, s => counts.GetValueOrDefault(s), StringComparer.Ordinal);
        var top = ListFilter.Statuses.FirstOrDefault(s => byStatus[s] > 0);
        return new StatusSummary(top, byStatus.Values.Sum(), byStatus);
    }
}
