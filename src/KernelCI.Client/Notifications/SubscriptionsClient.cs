using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Client.Notifications;

/// <summary>Client for the subscription API as the dashboard listener serves it (docs/notifications.md,
/// "Subscribing"): the HttpClient's BaseAddress is the dashboard API root ending in `/api/`. Reading and deleting need
/// a caller: the manage token of a mail (sent as `?token=`), or an admin's KCIDB token (sent as a bearer token). No
/// retries: adding is not idempotent (a second POST sends a second confirmation mail).</summary>
public sealed class SubscriptionsClient(HttpClient http)
{
    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>POST a subscription (`address` and what to follow); the answer is the stored subscription, `unconfirmed`
    /// until the address's confirmation link is used.</summary>
    public async Task<JsonObject> AddAsync(JsonObject body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "subscriptions") { Content = JsonContent.Create(body) };
        return await SendAsync(request, cancellationToken) as JsonObject
            ?? throw new SubscriptionsClientException(System.Net.HttpStatusCode.OK, $"empty answer from {request.RequestUri}");
    }

    /// <summary>The subscriptions of the manage token's address, or, for an admin, of <paramref name="address"/>.</summary>
    public async Task<JsonArray> ListAsync(SubscriptionCaller caller, string? address = null, CancellationToken cancellationToken = default)
    {
        using var request = caller.Authorize(HttpMethod.Get, "subscriptions", address is null ? [] : [new("address", address)]);
        return await SendAsync(request, cancellationToken) as JsonArray ?? [];
    }

    public async Task DeleteAsync(SubscriptionCaller caller, string id, CancellationToken cancellationToken = default)
    {
        using var request = caller.Authorize(HttpMethod.Delete, "subscriptions/" + Uri.EscapeDataString(id), []);
        await SendAsync(request, cancellationToken);
    }

    private async Task<JsonNode?> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = Parse(text);
        if (!response.IsSuccessStatusCode)
        {
            // ProblemDetails' `detail` names the field; a proxy's HTML page gets its status and first bytes.
            var detail = (body as JsonObject)?["detail"]?.ToString()
                ?? $"HTTP {(int)response.StatusCode} from {request.RequestUri}: {(text.Length > 200 ? text[..200] : text)}";
            throw new SubscriptionsClientException(response.StatusCode, detail);
        }

        return body;
    }

    private static JsonNode? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
