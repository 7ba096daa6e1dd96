using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.KcidbIngest.Ingest;

/// <summary>The KCIDB listener as a submitter and a dashboard see it: /submit, /status and the query API.</summary>
internal sealed class KcidbHttpClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    public KcidbHttpClient(Uri baseAddress, string token)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task WaitHealthyAsync(ServerProcess server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (server.HasExited)
            {
                throw new BenchFailure("the server exited while starting:\n" + server.Tail());
            }

            try
            {
                using var response = await _http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new BenchFailure($"/health did not answer within {timeout.TotalSeconds} s:\n" + server.Tail());
            }
        }
    }

    public async Task<string> SubmitAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(new Uri("submit", UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailure($"POST /submit of {Path.GetFileName(path)} answered {(int)response.StatusCode}: {body}");
        }

        using var reply = ParseReply($"POST /submit of {Path.GetFileName(path)}", body);
        return reply.RootElement.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } value
            ? value
            : throw new BenchFailure($"POST /submit of {Path.GetFileName(path)} answered without an id: {body}");
    }

    public async Task<SubmissionState> StatusAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"status?id={id}", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var reply = ParseReply($"GET /status?id={id} ({(int)response.StatusCode})", body);
        var status = reply.RootElement.TryGetProperty("status", out var value) ? value.GetString() ?? "?" : "?";
        var errors = reply.RootElement.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.ToString()).ToList()
            : [];
        return new SubmissionState(id, status, errors);
    }

    public async Task<JsonDocument> GetJsonAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(relativeUrl, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailure($"GET {relativeUrl} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500)))}");
        }

        return JsonDocument.Parse(body);
    }

    /// <summary>Time to the last byte of the body; returns the status code and the body size.</summary>
    public async Task<(int Status, long Bytes, double Milliseconds)> TimeGetAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.GetAsync(new Uri(relativeUrl, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return ((int)response.StatusCode, body.LongLength, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public void Dispose() => _http.Dispose();

    private static JsonDocument ParseReply(string request, string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new BenchFailure($"{request} answered with something other than JSON: {body[..Math.Min(body.Length, 300)]}");
        }
    }
}
