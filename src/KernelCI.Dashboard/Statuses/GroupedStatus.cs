using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Statuses;

/// <summary>The grouped statuses of listings: PASS, FAIL, and INCONCLUSIVE for ERROR, SKIP, MISS, DONE and no status
/// (dashboard.md §1.1).</summary>
internal sealed class GroupedStatus
{
    [JsonPropertyName("PASS")] public long Pass { get; set; }

    [JsonPropertyName("FAIL")] public long Fail { get; set; }

    [JsonPropertyName("INCONCLUSIVE")] public long Inconclusive { get; set; }

    public void Add(string? status, long n = 1)
    {
        switch (status)
        {
            case "PASS": Pass += n; break;
            case "FAIL": Fail += n; break;
            default: Inconclusive += n; break;
        }
    }
}
