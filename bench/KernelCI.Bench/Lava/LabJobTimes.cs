using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace KernelCI.Bench.Lava;

/// <summary>A LAVA job's own times from REST API v0.2 (`jobs/{id}/`: submit_time, start_time, end_time) and its
/// health; the lab and this process share the machine's clock.</summary>
internal sealed record LabJobTimes(DateTimeOffset Submitted, DateTimeOffset Started, DateTimeOffset Ended, string Health)
{
    public static async Task<LabJobTimes> GetAsync(LabTarget lab, string jobId, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = lab.ApiUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", lab.RuntimeToken);
        var job = JsonNode.Parse(await http.GetStringAsync($"jobs/{jobId}/", cancellationToken))!;
        return new LabJobTimes(Time(job, "submit_time"), Time(job, "start_time"), Time(job, "end_time"), job["health"]?.ToString() ?? "?");
    }

    private static DateTimeOffset Time(JsonNode job, string field) =>
        job[field]?.ToString() is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : throw new BenchFailure($"LAVA job {job["id"]} has no {field}");
}
