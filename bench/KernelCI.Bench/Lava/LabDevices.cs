using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KernelCI.Bench.Lava;

/// <summary>The lab's device health. LAVA 2023.01 marks a device Unknown when a job scheduled on it is canceled
/// before it runs; the queue gate then counts it offline (docs/labs.md, the queue gate) and every other user of the
/// shared lab is refused. The submissions run puts back the health each device had before it.</summary>
internal static class LabDevices
{
    public static async Task<Dictionary<string, string>> HealthAsync(LabTarget lab, string deviceType, CancellationToken cancellationToken)
    {
        using var http = Client(lab);
        var reply = JsonNode.Parse(await http.GetStringAsync($"devices/?device_type={Uri.EscapeDataString(deviceType)}", cancellationToken))!;
        return (reply["results"] as JsonArray ?? []).Where(d => d is not null)
            .ToDictionary(d => d!["hostname"]!.ToString(), d => d!["health"]?.ToString() ?? "");
    }

    /// <summary>Sets back every device whose health changed; the names of those it set.</summary>
    public static async Task<IReadOnlyList<string>> RestoreAsync(LabTarget lab, string deviceType, IReadOnlyDictionary<string, string> before,
        CancellationToken cancellationToken)
    {
        using var http = Client(lab);
        var restored = new List<string>();
        foreach (var (device, health) in await HealthAsync(lab, deviceType, cancellationToken))
        {
            if (before.TryGetValue(device, out var was) && was != health)
            {
                using var body = new StringContent(new JsonObject { ["health"] = was }.ToJsonString(), Encoding.UTF8, "application/json");
                using var response = await http.PatchAsync($"devices/{Uri.EscapeDataString(device)}/", body, cancellationToken);
                response.EnsureSuccessStatusCode();
                restored.Add($"{device} {health} → {was}");
            }
        }

        return restored;
    }

    private static HttpClient Client(LabTarget lab)
    {
        var http = new HttpClient { BaseAddress = lab.ApiUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", lab.RuntimeToken);
        return http;
    }
}
