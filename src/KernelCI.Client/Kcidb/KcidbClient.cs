using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KernelCI.Client.Kcidb;

/// <summary>Client for a KCIDB REST server (ours or kcidb-restd-rs): submit, status, and our query endpoints.</summary>
public sealed class KcidbClient(HttpClient http, string token)
{
    /// <summary>Sends one document; the server answers once the body is durably spooled.</summary>
    public Task<KcidbSubmitReply> SubmitAsync(Stream document, CancellationToken cancellationToken = default) =>
        SubmitAsync(document, new Uri("submit", UriKind.Relative), cancellationToken);

    /// <summary>Sends one document to <paramref name="target"/>: kci-dev's `kcidb_rest_url` is the full submit URL,
    /// whatever its path (kci-dev.md §9).</summary>
    public async Task<KcidbSubmitReply> SubmitAsync(Stream document, Uri target, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StreamContent(document) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await SendAsync(request, cancellationToken);
        var reply = await ReadReplyAsync(response, cancellationToken);
        return response.IsSuccessStatusCode
            ? reply
            : throw new KcidbClientException(response.StatusCode, reply.Message);
    }

    public async Task<KcidbStatusReply> StatusAsync(string submissionId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "status?id=" + Uri.EscapeDataString(submissionId));
        using var response = await SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
        {
            return await response.Content.ReadFromJsonAsync<KcidbStatusReply>(KcidbJson.Options, cancellationToken)
                ?? throw new KcidbClientException(response.StatusCode, "empty status reply");
        }

        var error = await ReadReplyAsync(response, cancellationToken);
        throw new KcidbClientException(response.StatusCode, error.Message);
    }

    /// <summary>Waits until the submission is processed or failed, checking at the given interval.</summary>
    public async Task<KcidbStatusReply> WaitAsync(string submissionId, TimeSpan interval, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        using var timer = new PeriodicTimer(interval, timeProvider ?? TimeProvider.System);
        while (true)
        {
            var status = await StatusAsync(submissionId, cancellationToken);
            if (status.Status is "processed" or "failed" or "notfound")
            {
                return status;
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>A v5.3 document with the named objects, and their children and/or parents, as kcidb-query prints.</summary>
    public async Task<JsonDocument> QueryAsync(KcidbQuery query, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/query?" + query.ToQueryString());
        using var response = await SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new KcidbClientException(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    /// <summary>The regression change feed after <paramref name="after"/>, blocking up to <paramref name="wait"/> (at most
    /// 60 s) for the next change (docs/regressions.md, "The change feed"). The HTTP client's timeout must exceed the wait.</summary>
    public async Task<Regressions.KcidbRegressionChanges> RegressionChangesAsync(long after, TimeSpan wait, int limit = 100,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FormattableString.Invariant(
            $"api/regressions/changes?after={after}&wait={(int)wait.TotalSeconds}&limit={limit}"));
        using var response = await SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new KcidbClientException(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        return await response.Content.ReadFromJsonAsync<Regressions.KcidbRegressionChanges>(KcidbJson.Options, cancellationToken)
            ?? throw new KcidbClientException(response.StatusCode, "empty regression changes reply");
    }

    /// <summary>Records a bisection's culprit in the regression; the token must be of the regression's origin.</summary>
    public async Task SetCulpritAsync(string regressionId, Regressions.KcidbCulprit culprit, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/regressions/{Uri.EscapeDataString(regressionId)}/culprit")
        {
            Content = JsonContent.Create(culprit, options: KcidbJson.Options),
        };
        using var response = await SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new KcidbClientException(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static async Task<KcidbSubmitReply> ReadReplyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<KcidbSubmitReply>(text, KcidbJson.Options)
                ?? new KcidbSubmitReply("0", "error", text);
        }
        catch (JsonException)
        {
            return new KcidbSubmitReply("0", "error", $"HTTP {(int)response.StatusCode}: {text}");
        }
    }
}
