using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Client.Dashboard;

/// <summary>Client for the dashboard API (ours or upstream's) as kci-dev calls it: the HttpClient's BaseAddress is the
/// API root ending in `/api/`; paths are appended unescaped (ids such as `maestro:abc` go out literally, kci-dev.md
/// §3.1). Retries 429 and 5xx after 2, 4 and 8 s; an HTTP 200 `{"error": …}` body becomes a
/// <see cref="DashboardApiException"/>.</summary>
public sealed class DashboardApiClient(HttpClient http, TimeProvider time)
{
    private static readonly HttpStatusCode[] Retried =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway,
         HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout, HttpStatusCode.InsufficientStorage];

    /// <summary>The waits before each retry (upstream's 2, 4 and 8 s).</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>The response header naming the next page of a paged list (docs/dashboard-api.md, "Paging").</summary>
    public const string NextCursorHeader = "X-Next-Cursor";

    /// <summary>GET <paramref name="path"/> with the query parameters given (repeated names allowed, nulls left out).</summary>
    public async Task<JsonNode> GetAsync(string path, IEnumerable<KeyValuePair<string, string?>>? query = null, CancellationToken cancellationToken = default) =>
        (await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path + QueryString(query)), cancellationToken)).Body;

    public async Task<JsonNode> PostAsync(string path, JsonNode body, CancellationToken cancellationToken = default) =>
        (await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, cancellationToken)).Body;

    /// <summary>GET one page of a list: <paramref name="query"/> should carry `limit` (and `cursor` after the first
    /// page); the answer's `X-Next-Cursor` header, if any, names the next page.</summary>
    public Task<DashboardPage> GetPageAsync(string path, IEnumerable<KeyValuePair<string, string?>>? query = null, CancellationToken cancellationToken = default) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path + QueryString(query)), cancellationToken);

    /// <summary>POST one page of a list (the hardware lists take their paging in the query string, their filters in
    /// the body).</summary>
    public Task<DashboardPage> PostPageAsync(string path, IEnumerable<KeyValuePair<string, string?>>? query, JsonNode body, CancellationToken cancellationToken = default) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path + QueryString(query)) { Content = JsonContent.Create(body) }, cancellationToken);

    public static string QueryString(IEnumerable<KeyValuePair<string, string?>>? query)
    {
        var pairs = (query ?? []).Where(p => p.Value is not null)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    private async Task<DashboardPage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var message = request();
            using var response = await http.SendAsync(message, cancellationToken);
            if (Retried.Contains(response.StatusCode) && attempt < RetryDelays.Count)
            {
                await Task.Delay(RetryDelays[attempt], time, cancellationToken);
                continue;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var body = Parse(text);
            if (body is JsonObject o && o.TryGetPropertyValue("error", out var error) && error is not null && response.IsSuccessStatusCode)
            {
                throw new DashboardApiException(response.StatusCode, error.ToString());
            }

            if (!response.IsSuccessStatusCode)
            {
                var detail = (body as JsonObject)?["error"]?.ToString() ?? (text.Length > 300 ? text[..300] : text);
                throw new DashboardApiException(response.StatusCode, $"HTTP {(int)response.StatusCode} from {message.RequestUri}: {detail}");
            }

            var next = response.Headers.TryGetValues(NextCursorHeader, out var values) ? values.FirstOrDefault(v => v.Length > 0) : null;
            return new DashboardPage(body ?? throw new DashboardApiException(response.StatusCode, $"empty answer from {message.RequestUri}"), next);
        }
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
