using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Bench.Lava;

/// <summary>LAVA 2023.01's REST API v0.2 as far as the pipeline uses it, with the replies' shapes taken from the real
/// lab of scripts/lava.sh: `devices/?device_type=X` (one Good device per type), `jobs/?state=Submitted&amp;…` (the
/// queue is empty: jobs start at once) and `POST jobs/` (201, job_ids). It checks the token and that the body is a
/// definition, as LAVA does, so the pipeline's requests are whole.</summary>
internal sealed class FakeLavaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _jobs;

    private FakeLavaServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public long Submitted => Interlocked.Read(ref _jobs);

    public static async Task<FakeLavaServer> StartAsync(string token, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{Infrastructure.FreePort.Find()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url.ToString());
        var app = builder.Build();
        var server = new FakeLavaServer(app, url);
        app.Use(async (http, next) =>
        {
            if (http.Request.Headers.Authorization.ToString() != "Token " + token)
            {
                http.Response.StatusCode = 401;
                await http.Response.WriteAsJsonAsync(new JsonObject { ["detail"] = "Invalid token." });
                return;
            }

            await next(http);
        });
        app.MapGet("/api/v0.2/devices/", (string device_type) => Results.Text(Devices(device_type), "application/json"));
        app.MapGet("/api/v0.2/jobs/", () => Results.Text("""{"count":0,"next":null,"previous":null,"results":[]}""", "application/json"));
        app.MapPost("/api/v0.2/jobs/", async (HttpRequest request) =>
        {
            // As LAVA's Django: a chunked body (no Content-Length) reads as empty.
            var body = request.ContentLength is null ? null : await JsonNode.ParseAsync(request.Body);
            if (body?["definition"]?.ToString() is not { Length: > 0 })
            {
                return Results.Text("""{"definition":["This field is required."]}""", "application/json", statusCode: 400);
            }

            var id = Interlocked.Increment(ref server._jobs);
            return Results.Text($$"""{"message":"job(s) successfully submitted","job_ids":[{{id}}]}""", "application/json", statusCode: 201);
        });
        await app.StartAsync(cancellationToken);
        return server;
    }

    private static string Devices(string type) => new JsonObject
    {
        ["count"] = 1, ["next"] = null, ["previous"] = null,
        ["results"] = new JsonArray(new JsonObject
        {
            ["hostname"] = type + "-01", ["device_type"] = type, ["device_version"] = null, ["physical_owner"] = null, ["physical_group"] = null,
            ["description"] = null, ["tags"] = new JsonArray(), ["state"] = "Idle", ["health"] = "Good", ["last_health_report_job"] = null,
            ["worker_host"] = "lab-worker", ["is_synced"] = false,
        }),
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
