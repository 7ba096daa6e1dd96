using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications.Checkouts;

/// <summary>Reads KCIDB's status summary of a checkout (public, like the query API).</summary>
internal sealed class KcidbCheckoutCounts(IHttpClientFactory clients, ILogger<KcidbCheckoutCounts> logger) : ICheckoutCounts
{
    public async Task<CheckoutCounts?> ReadAsync(string checkoutId, CancellationToken cancellationToken)
    {
        try
        {
            using var http = clients.CreateClient("kcidb");
            using var response = await http.GetAsync($"api/checkouts/{Uri.EscapeDataString(checkoutId)}/summary", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                NotificationsLog.CountsMissing(logger, checkoutId, $"HTTP {(int)response.StatusCode}");
                return null;
            }

            var summary = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
            return new CheckoutCounts(Count(summary?["builds"]), Statuses(summary?["builds"]), Count(summary?["tests"]), Statuses(summary?["tests"]));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException
            && !cancellationToken.IsCancellationRequested)
        {
            NotificationsLog.CountsMissing(logger, checkoutId, e.Message);
            return null;
        }
    }

    private static long Count(JsonNode? group) => group?["count"]?.GetValue<long>() ?? 0;

    // KCIDB lists every status in its precedence order; the mail names those that occur.
    private static List<KeyValuePair<string, long>> Statuses(JsonNode? group) =>
        group?["by_status"] is JsonObject byStatus
            ? [.. byStatus.Select(p => KeyValuePair.Create(p.Key, p.Value?.GetValue<long>() ?? 0)).Where(p => p.Value > 0)]
            : [];
}
