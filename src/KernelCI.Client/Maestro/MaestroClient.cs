using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Client.Maestro;

/// <summary>Typed client for the Maestro API (ours or upstream's kernelci-api). The HttpClient's BaseAddress is the API
/// root, e.g. `http://host:8001/latest/` (with the trailing slash).</summary>
public sealed class MaestroClient(HttpClient http, string? token = null)
{
    public async Task<MaestroNode?> GetNodeAsync(string id, CancellationToken cancellationToken = default) =>
        await SendAsync<MaestroNode?>(HttpMethod.Get, "node/" + Uri.EscapeDataString(id), null, cancellationToken);

    public async Task<NodePage> GetNodesAsync(NodeFilter? filter = null, CancellationToken cancellationToken = default) =>
        (await SendAsync<NodePage>(HttpMethod.Get, "nodes" + filter?.ToQueryString(), null, cancellationToken))!;

    /// <summary>/nodes/fast: every match (no default limit), without a total.</summary>
    public async Task<IReadOnlyList<MaestroNode>> GetNodesFastAsync(NodeFilter? filter = null, CancellationToken cancellationToken = default) =>
        (await SendAsync<List<MaestroNode>>(HttpMethod.Get, "nodes/fast" + filter?.ToQueryString(), null, cancellationToken))!;

    /// <summary>One node as the server sent it (unknown fields kept), or null for a JSON `null` body.</summary>
    public async Task<JsonNode?> GetNodeJsonAsync(string id, CancellationToken cancellationToken = default) =>
        await SendAsync<JsonNode?>(HttpMethod.Get, "node/" + Uri.EscapeDataString(id), null, cancellationToken);

    /// <summary>/nodes/fast as the server sent it: what kci-dev prints (kci-dev.md §3.1, `maestro results`).</summary>
    public async Task<JsonArray> GetNodesFastJsonAsync(NodeFilter? filter = null, CancellationToken cancellationToken = default) =>
        await SendAsync<JsonArray>(HttpMethod.Get, "nodes/fast" + filter?.ToQueryString(), null, cancellationToken) ?? [];

    public async Task<long> CountAsync(NodeFilter? filter = null, CancellationToken cancellationToken = default) =>
        await SendAsync<long>(HttpMethod.Get, "count" + filter?.ToQueryString(), null, cancellationToken);

    public async Task<MaestroNode> CreateNodeAsync(MaestroNode node, CancellationToken cancellationToken = default) =>
        (await SendAsync<MaestroNode>(HttpMethod.Post, "node", WithoutId(node), cancellationToken))!;

    public async Task<MaestroNode> UpdateNodeAsync(MaestroNode node, bool noEvent = false, CancellationToken cancellationToken = default) =>
        (await SendAsync<MaestroNode>(HttpMethod.Put, $"node/{node.Id}" + (noEvent ? "?noevent=true" : ""), node, cancellationToken))!;

    /// <summary>PATCH: only the given top-level fields change (state, result, artifacts, data, …).</summary>
    public async Task<MaestroNode> PatchNodeAsync(string id, JsonObject fields, bool noEvent = false, CancellationToken cancellationToken = default) =>
        (await SendAsync<MaestroNode>(HttpMethod.Patch, $"node/{id}" + (noEvent ? "?noevent=true" : ""), fields, cancellationToken))!;

    /// <summary>PUT /nodes/{id}: updates the root and writes its subtree; returns the nodes in pre-order.</summary>
    public async Task<IReadOnlyList<MaestroNode>> PutTreeAsync(string rootId, NodeTree tree, CancellationToken cancellationToken = default) =>
        (await SendAsync<List<MaestroNode>>(HttpMethod.Put, "nodes/" + rootId, tree, cancellationToken))!;

    /// <summary>PUT /nodes/{id} for a caller that needs no answer: the answer (every node of the tree, 4.5 MB for a
    /// 5,000-case LAVA callback) is read past instead of parsed into nodes.</summary>
    public async Task WriteTreeAsync(string rootId, NodeTree tree, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Put, "nodes/" + rootId, tree);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        // Read to the end so that the connection goes back to the pool.
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
    }

    /// <summary>PUT /batch/nodeset: sets processed_by_kcidb_bridge on the nodes (no events); returns how many changed.</summary>
    public async Task<int> SetProcessedByKcidbBridgeAsync(IReadOnlyCollection<string> ids, bool value = true, CancellationToken cancellationToken = default) =>
        await SendAsync<int>(HttpMethod.Put, "batch/nodeset", new JsonObject
        {
            ["field"] = "processed_by_kcidb_bridge",
            ["value"] = value ? "true" : "false",
            ["nodes"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]),
        }, cancellationToken);

    public async Task<MaestroSubscription> SubscribeAsync(string channel, string? subscriberId = null, bool promiscuous = false, CancellationToken cancellationToken = default)
    {
        var query = $"subscribe/{channel}?promisc={(promiscuous ? "true" : "false")}" + (subscriberId is null ? "" : "&subscriber_id=" + Uri.EscapeDataString(subscriberId));
        return (await SendAsync<MaestroSubscription>(HttpMethod.Post, query, null, cancellationToken))!;
    }

    public Task UnsubscribeAsync(long subscriptionId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonNode?>(HttpMethod.Post, $"unsubscribe/{subscriptionId}", null, cancellationToken);

    /// <summary>One long poll: the next event, or null for a keep-alive. The next poll acknowledges it.</summary>
    public Task<MaestroEvent?> ListenAsync(long subscriptionId, CancellationToken cancellationToken = default) =>
        ListenAsync(subscriptionId, null, cancellationToken);

    /// <summary>One long poll acknowledging only up to <paramref name="ack"/>, the <see cref="MaestroEvent.Sequence"/>
    /// of the last event processed (0 for none yet): a reply lost on the way is handed out again (docs/maestro.md).</summary>
    public async Task<MaestroEvent?> ListenAsync(long subscriptionId, long? ack, CancellationToken cancellationToken = default)
    {
        var query = ack is { } a ? $"?ack={a}" : "";
        var message = (await SendAsync<JsonObject>(HttpMethod.Get, $"listen/{subscriptionId}{query}", null, cancellationToken))!;
        var maestroEvent = MaestroEvent.Parse(message["channel"]!.ToString(), message["data"]!.ToString());
        return maestroEvent.Data is JsonValue beep && beep.ToString() == "BEEP" ? null : maestroEvent;
    }

    /// <summary>Catch-up: up to <paramref name="max"/> events in one request (keep-alives dropped).</summary>
    public Task<IReadOnlyList<MaestroEvent>> ListenBatchAsync(long subscriptionId, int max = 1000, CancellationToken cancellationToken = default) =>
        ListenBatchAsync(subscriptionId, max, null, cancellationToken);

    /// <summary>Catch-up acknowledging only up to <paramref name="ack"/> (see <see cref="ListenAsync(long, long?, CancellationToken)"/>).</summary>
    public async Task<IReadOnlyList<MaestroEvent>> ListenBatchAsync(long subscriptionId, int max, long? ack, CancellationToken cancellationToken = default)
    {
        var query = ack is { } a ? $"&ack={a}" : "";
        var messages = (await SendAsync<JsonArray>(HttpMethod.Get, $"listen/{subscriptionId}/batch?max={max}{query}", null, cancellationToken))!;
        return messages.Select(m => MaestroEvent.Parse(m!["channel"]!.ToString(), m["data"]!.ToString()))
            .Where(e => !(e.Data is JsonValue beep && beep.ToString() == "BEEP"))
            .ToList();
    }

    public Task PublishAsync(string channel, JsonNode data, CancellationToken cancellationToken = default) =>
        SendAsync<JsonNode?>(HttpMethod.Post, "publish/" + channel, new JsonObject { ["data"] = data }, cancellationToken);

    /// <summary>Server-Sent Events from /events/stream, resuming after <paramref name="after"/>; filters are matched on the server.</summary>
    public async IAsyncEnumerable<MaestroEvent> StreamAsync(IReadOnlyDictionary<string, string>? filters = null, long after = 0,
        string channel = "node", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = $"events/stream?channel={Uri.EscapeDataString(channel)}&after={after}"
            + string.Concat((filters ?? new Dictionary<string, string>()).Select(f => $"&{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        using var request = Request(HttpMethod.Get, query, null);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                yield return MaestroEvent.Parse(channel, line[6..]);
            }
        }
    }

    /// <summary>Opens /events/stream and returns once the server answered: with <paramref name="after"/> null the stream
    /// holds only events after this call (`after=now`), otherwise those after that sequence number.</summary>
    public async Task<MaestroEventStream> OpenStreamAsync(IReadOnlyDictionary<string, string>? filters, long? after, string channel = "node",
        CancellationToken cancellationToken = default)
    {
        var query = $"events/stream?channel={Uri.EscapeDataString(channel)}&after={(after is { } a ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "now")}"
            + string.Concat((filters ?? new Dictionary<string, string>()).Select(f => $"&{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        using var request = Request(HttpMethod.Get, query, null);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken);
            return new MaestroEventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken)), channel);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>GET /whoami: the username this client's token acts as (e.g. to find the nodes it made itself).</summary>
    public async Task<string> WhoAmIAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync<JsonObject>(HttpMethod.Get, "whoami", null, cancellationToken))!["username"]?.ToString()
        ?? throw new MaestroClientException(System.Net.HttpStatusCode.OK, "whoami: the reply has no username");

    /// <summary>Form login; returns the bearer token.</summary>
    public async Task<string> LoginAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "user/login")
        {
            Content = new FormUrlEncodedContent([new("username", username), new("password", password)]),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var reply = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return reply!["access_token"]!.ToString();
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, body);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(MaestroJson.Options, cancellationToken);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: MaestroJson.Options);
        }

        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string detail;
        try
        {
            detail = JsonNode.Parse(text)?["detail"]?.ToString() ?? text;
        }
        catch (JsonException)
        {
            detail = text;
        }

        throw new MaestroClientException(response.StatusCode, detail);
    }

    private static JsonObject WithoutId(MaestroNode node)
    {
        var json = JsonSerializer.SerializeToNode(node, MaestroJson.Options)!.AsObject();
        json.Remove("id");
        return json;
    }
}
