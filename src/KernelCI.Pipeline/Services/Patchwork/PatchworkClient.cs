using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>Patchwork's REST API 1.3 (getpatchwork/patchwork:docs/api/rest/index.rst), as NIPA's pw/patchwork.py and
/// kernel-patches-daemon use it: events with `order=date&amp;since=`, pages followed through `Link: rel="next"`,
/// checks posted form-encoded with `Authorization: Token`. The token is sent on reads too, so a refused token shows
/// on the first poll rather than on the first check.</summary>
internal sealed class PatchworkClient(HttpClient http, PatchworkProject project, string? token, long maxMboxBytes)
{
    private readonly Uri _base = new(project.Url.TrimEnd('/') + "/");

    public Uri Base => _base;

    public async Task<List<JsonObject>> EventsAsync(string category, string since, CancellationToken cancellationToken) =>
        await PagesAsync($"api/1.3/events/?project={Uri.EscapeDataString(project.Project)}&category={category}&order=date&per_page=250&since={Uri.EscapeDataString(since)}",
            cancellationToken);

    public async Task<JsonObject> SeriesAsync(long id, CancellationToken cancellationToken) =>
        await GetObjectAsync(new Uri(_base, $"api/1.3/series/{id}/"), cancellationToken);

    public async Task<List<JsonObject>> PatchesOfSeriesAsync(long id, CancellationToken cancellationToken) =>
        await PagesAsync($"api/1.3/patches/?series={id}&per_page=250&order=id", cancellationToken);

    public async Task<JsonObject> PatchAsync(long id, CancellationToken cancellationToken) =>
        await GetObjectAsync(new Uri(_base, $"api/1.3/patches/{id}/"), cancellationToken);

    public async Task<JsonObject> ProjectAsync(CancellationToken cancellationToken) =>
        await GetObjectAsync(new Uri(_base, $"api/1.3/projects/{Uri.EscapeDataString(project.Project)}/"), cancellationToken);

    /// <summary>A comment, by the URL its event gave: only one on this Patchwork is fetched.</summary>
    public async Task<JsonObject> CommentAsync(string url, CancellationToken cancellationToken) =>
        await GetObjectAsync(OnThisInstance(url), cancellationToken);

    public async Task<List<JsonObject>> ChecksAsync(long patchId, string context, CancellationToken cancellationToken) =>
        await PagesAsync($"api/1.3/patches/{patchId}/checks/?context={Uri.EscapeDataString(context)}&per_page=250", cancellationToken);

    /// <summary>The series' mbox (every patch in order, web URL /series/ID/mbox/), at most the configured size.</summary>
    public async Task<byte[]> MboxAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, OnThisInstance(url)), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.Content.Headers.ContentLength > maxMboxBytes)
        {
            throw new MboxTooLargeException(maxMboxBytes);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxMboxBytes)
            {
                throw new MboxTooLargeException(maxMboxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public async Task PostCheckAsync(long patchId, PendingCheck check, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>
        {
            ["state"] = check.State,
            ["context"] = check.Context,
            ["description"] = check.Description,
        };
        if (check.TargetUrl is { } url)
        {
            fields["target_url"] = url;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, $"api/1.3/patches/{patchId}/checks/"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new PatchworkException($"POST checks of patch {patchId}: {(int)response.StatusCode} {await ReasonAsync(response, cancellationToken)}",
                response.StatusCode);
        }
    }

    private Uri OnThisInstance(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != _base.Scheme || uri.Authority != _base.Authority)
        {
            throw new PatchworkException($"'{url}' is not on {_base.Scheme}://{_base.Authority}", HttpStatusCode.BadRequest);
        }

        return uri;
    }

    private async Task<List<JsonObject>> PagesAsync(string first, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        Uri? next = new(_base, first);
        for (var page = 0; next is not null && page < 100; page++)
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, next), HttpCompletionOption.ResponseContentRead, cancellationToken);
            var json = await ParseAsync(response, cancellationToken);
            if (json is not JsonArray array)
            {
                throw new PatchworkException($"GET {next.AbsolutePath}: not a JSON list", HttpStatusCode.BadGateway);
            }

            items.AddRange(array.OfType<JsonObject>());
            next = NextPage(response);
        }

        return items;
    }

    private async Task<JsonObject> GetObjectAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await ParseAsync(response, cancellationToken) as JsonObject
            ?? throw new PatchworkException($"GET {uri.AbsolutePath}: not a JSON object", HttpStatusCode.BadGateway);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PatchworkException($"{_base.Scheme}://{_base.Authority} is unreachable: {e.Message}", null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PatchworkException($"{_base.Scheme}://{_base.Authority} did not answer in time", null, e);
        }
        finally
        {
            request.Dispose();
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new PatchworkException($"{request.Method} {request.RequestUri!.AbsolutePath}: {(int)response.StatusCode} {await ReasonAsync(response, cancellationToken)}",
                response.StatusCode);
        }
    }

    private static async Task<JsonNode?> ParseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (JsonException e)
        {
            throw new PatchworkException($"{response.RequestMessage?.RequestUri?.AbsolutePath}: not JSON ({e.Message})", HttpStatusCode.BadGateway);
        }
    }

    /// <summary>DRF's `{"detail": "Invalid token."}`, or the start of any other body.</summary>
    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonNode.Parse(body) is JsonObject o && o["detail"]?.ToString() is { } detail)
            {
                return detail;
            }
        }
        catch (JsonException)
        {
        }

        body = body.ReplaceLineEndings(" ").Trim();
        return body.Length > 200 ? body[..200] + "…" : body;
    }

    /// <summary>RFC 5988 `Link: &lt;url&gt;; rel="next"`, only to this instance.</summary>
    private Uri? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var pieces = part.Split(';');
            if (pieces.Length >= 2 && pieces.Skip(1).Any(p => p.Trim() == "rel=\"next\"")
                && Uri.TryCreate(pieces[0].Trim().Trim('<', '>'), UriKind.Absolute, out var uri) && uri.Authority == _base.Authority)
            {
                return uri;
            }
        }

        return null;
    }
}
