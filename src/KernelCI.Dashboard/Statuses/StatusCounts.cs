using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Statuses;

/// <summary>Counts per raw status, as upstream's summaries and kci-dev read them: `{"PASS":…, …, "NULL":…}`
/// (kci-dev.md §9: every key is read without a fallback).</summary>
internal sealed class StatusCounts
{
    [JsonPropertyName("PASS")] public long Pass { get; set; }

    [JsonPropertyName("FAIL")] public long Fail { get; set; }

    [JsonPropertyName("ERROR")] public long Error { get; set; }

    [JsonPropertyName("SKIP")] public long Skip { get; set; }

    [JsonPropertyName("MISS")] public long Miss { get; set; }

    [JsonPropertyName("DONE")] public long Done { get; set; }

    [JsonPropertyName("NULL")] public long Null { get; set; }

    [JsonIgnore] public long Total => Pass + Fail + Error + Skip + Miss + Done + Null;

    /// <summary>Adds <paramref name="n"/> to the count of a raw status (null or unknown: NULL).</summary>
    public void Add(string? status, long n = 1)
    {
        switch (status)
        {
            case "PASS": Pass += n; break;
            case "FAIL": Fail += n; break;
            case "ERROR": Error += n; break;
            case "SKIP": Skip += n; break;
            case "MISS": Miss += n; break;
            case "DONE": Done += n; break;
            default: Null += n; break;
        }
    }

    public GroupedStatus Grouped() => new() { Pass = Pass, Fail = Fail, Inconclusive = Error + Skip + Miss + Done + Null };
}
