using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Runtimes.PullLabs.Worker;

/// <summary>The worker's calls to the pipeline API: the blocking claim and the job document under /api/pull/LAB,
/// the result on the callback route POST /node/ID, each with the raw token in Authorization as LAVA sends it.</summary>
internal sealed class PullLabClient(HttpClient http, PullWorkerOptions options)
{
    private readonly string _lab = Uri.EscapeDataString(options.Lab);

    /// <summary>The worker's name in its claims, leases and the lab view.</summary>
    public string Name { get; } = options.WorkerName ?? $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>The job claimed, or null when none came within the wait.</summary>
    public async Task<PullJob?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["worker"] = Name, ["wait_s"] = options.Wait.TotalSeconds };
        using var response = await SendAsync(HttpMethod.Post, $"api/pull/{_lab}/claim", body, options.Token, cancellationToken);
        return response.StatusCode == HttpStatusCode.NoContent
            ? null
            : await response.Content.ReadFromJsonAsync<PullJob>(PullJson.Options, cancellationToken);
    }

    /// <summary>Tells the pipeline the worker is still on the job: its lease starts again.</summary>
    public async Task ProgressAsync(string nodeId, string step, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["worker"] = Name, ["step"] = step.Length > 200 ? step[..200] : step };
        using var response = await SendAsync(HttpMethod.Post, $"api/pull/{_lab}/jobs/{Uri.EscapeDataString(nodeId)}/progress", body, options.Token,
            cancellationToken);
    }

    public async Task<JsonObject> DefinitionAsync(string nodeId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"api/pull/{_lab}/jobs/{Uri.EscapeDataString(nodeId)}/definition", null, options.Token,
            cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
            ?? throw new HttpRequestException($"the job document of node {nodeId} is not a JSON object");
    }

    /// <summary>Posts the result to the document's callback URL, or to this API's when the document names none.</summary>
    public async Task CallbackAsync(string nodeId, string? url, JsonObject result, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, url ?? $"node/{Uri.EscapeDataString(nodeId)}", result,
            options.CallbackToken ?? options.Token, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            var message = Message(text);
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {message}", null, response.StatusCode);
        }

        return response;
    }

    private static string Message(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject o && o["message"] is { } m ? m.ToString() : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
