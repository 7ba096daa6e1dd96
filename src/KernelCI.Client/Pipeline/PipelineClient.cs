using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Client.Pipeline;

/// <summary>Client for the pipeline API (ours or upstream's kernelci-pipeline): BaseAddress is its root (the one that
/// has `api/checkout` under it). The token is sent verbatim as `Authorization: TOKEN`, without "Bearer", as kci-dev
/// does (kci-dev.md §1).</summary>
public sealed class PipelineClient(HttpClient http, string? token)
{
    /// <summary>Returns the reply: `message` and `node` (`id`, `treeid`, …).</summary>
    public Task<JsonObject> CheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken = default) =>
        PostAsync("api/checkout", new JsonObject
        {
            ["url"] = request.Url,
            ["branch"] = request.Branch,
            ["commit"] = request.Commit,
            ["jobfilter"] = request.JobFilter is null ? null : Array(request.JobFilter),
            ["platformfilter"] = Array(request.PlatformFilter),
        }, cancellationToken);

    public Task<JsonObject> PatchsetAsync(PatchsetRequest request, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["nodeid"] = request.NodeId };
        if (request.Patches is not null)
        {
            body["patch"] = Array(request.Patches);
        }

        if (request.PatchUrls is not null)
        {
            body["patchurl"] = Array(request.PatchUrls);
        }

        if (request.JobFilter is not null)
        {
            body["jobfilter"] = Array(request.JobFilter);
        }

        if (request.PlatformFilter is not null)
        {
            body["platformfilter"] = Array(request.PlatformFilter);
        }

        return PostAsync("api/patchset", body, cancellationToken);
    }

    /// <summary>Returns the reply's `message`.</summary>
    public async Task<string> JobRetryAsync(string nodeId, CancellationToken cancellationToken = default) =>
        (await PostAsync("api/jobretry", new JsonObject { ["nodeid"] = nodeId }, cancellationToken))["message"]?.ToString() ?? "";

    private async Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new PipelineClientException(response.StatusCode, text.Length > 500 ? text[..500] : text);
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new PipelineClientException(response.StatusCode, "the answer is not a JSON object: " + text);
        }
        catch (JsonException)
        {
            throw new PipelineClientException(response.StatusCode, "the answer is not JSON: " + (text.Length > 200 ? text[..200] : text));
        }
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
