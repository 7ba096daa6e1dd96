using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>LAVA's REST API v0.2 as kernelci-core uses it (kernelci/kernelci-core:kernelci/runtime/lava.py): submit,
/// queued jobs and online devices per device type, cancel. Every request carries `Authorization: Token &lt;secret&gt;`;
/// error messages carry the lab's name, the status and LAVA's message, never the token.</summary>
internal sealed class LavaRestClient(HttpClient http, string lab, string token)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<long> SubmitAsync(string definition, CancellationToken cancellationToken)
    {
        // A buffered body, sent with Content-Length: LAVA's Django reads nothing from a chunked body and answers 400
        // "definition: This field is required" (docs/labs.md), and JsonContent is sent chunked.
        var body = new StringContent(new JsonObject { ["definition"] = definition }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        var reply = await SendAsync(HttpMethod.Post, "jobs/", body, cancellationToken);
        return reply["job_ids"] is JsonArray { Count: > 0 } ids && ids[0] is JsonValue id && id.TryGetValue<long>(out var jobId)
            ? jobId
            : throw new LavaApiException($"LAVA lab {lab}: the submission's reply has no job_ids");
    }

    /// <summary>The id of a job visible to us whose name starts with <paramref name="namePrefix"/>
    /// (`jobs/?description__startswith=…`; LAVA keeps a job's name as its description), or null.</summary>
    public async Task<long?> FindJobAsync(string namePrefix, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(HttpMethod.Get, $"jobs/?description__startswith={Uri.EscapeDataString(namePrefix)}&limit=1", null, cancellationToken);
        return reply["results"] is JsonArray { Count: > 0 } jobs && jobs[0]?["id"] is JsonValue id && id.TryGetValue<long>(out var jobId) ? jobId : null;
    }

    /// <summary>`jobs/?state=Submitted&amp;requested_device_type=X`, its `count`.</summary>
    public async Task<int> QueuedAsync(string deviceType, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(HttpMethod.Get, $"jobs/?state=Submitted&requested_device_type={Uri.EscapeDataString(deviceType)}", null, cancellationToken);
        return (int?)reply["count"] ?? 0;
    }

    /// <summary>Devices of the type whose health is Good or unset, following the pages.</summary>
    public async Task<int> OnlineDevicesAsync(string deviceType, CancellationToken cancellationToken)
    {
        var online = 0;
        string? next = $"devices/?device_type={Uri.EscapeDataString(deviceType)}";
        while (next is not null)
        {
            var reply = await SendAsync(HttpMethod.Get, next, null, cancellationToken);
            foreach (var device in reply["results"] as JsonArray ?? [])
            {
                if (device?["device_type"]?.ToString() is { } type && type != deviceType)
                {
                    continue;
                }

                online += device?["health"]?.ToString() is null or "Good" ? 1 : 0;
            }

            next = reply["next"]?.ToString();
        }

        return online;
    }

    /// <summary>Every device of the lab (`devices/`, following the pages): hostname, device type and health.</summary>
    public async Task<IReadOnlyList<Labs.LabDevice>> DevicesAsync(CancellationToken cancellationToken)
    {
        var devices = new List<Labs.LabDevice>();
        string? next = "devices/";
        while (next is not null)
        {
            var reply = await SendAsync(HttpMethod.Get, next, null, cancellationToken);
            foreach (var device in (reply["results"] as JsonArray ?? []).OfType<JsonObject>())
            {
                devices.Add(new Labs.LabDevice(device["hostname"]?.ToString() ?? "", device["device_type"]?.ToString() ?? "",
                    device["health"]?.ToString() ?? "Unknown"));
            }

            next = reply["next"]?.ToString();
        }

        return devices;
    }

    public Task CancelAsync(string jobId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"jobs/{Uri.EscapeDataString(jobId)}/cancel/", null, cancellationToken);

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        // Without a token (a lab whose runtime token is not stored) only LAVA's public reads are tried.
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new LavaApiException($"LAVA lab {lab}: {method} {path} failed: {(e is OperationCanceledException ? "timed out" : e.Message)}", inner: e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new LavaApiException($"LAVA lab {lab}: {method} {path} answered {(int)response.StatusCode}: {Message(body)}", response.StatusCode);
            }

            try
            {
                return JsonNode.Parse(body) as JsonObject ?? [];
            }
            catch (JsonException)
            {
                throw new LavaApiException($"LAVA lab {lab}: {method} {path} answered with a body that is not JSON", response.StatusCode);
            }
        }
    }

    private static string Cut(string body) => body.Length > 200 ? body[..200] : body;

    // LAVA's errors are {"message": …} or {"detail": …}; anything else is cut short, as it may be an HTML page.
    private static string Message(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject reply && (reply["message"] ?? reply["detail"])?.ToString() is { } message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
            return Cut(body);
        }

        return Cut(body);
    }
}
