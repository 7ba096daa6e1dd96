using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Tests.Subscribe;

/// <summary>A stand-in for the notifications component's `POST /api/subscriptions` on a real loopback listener: it keeps
/// each body it gets and answers what the test says, as the real API answers (201 with the subscription, or a
/// ProblemDetails whose detail starts with the field). The real API behind the page is tested through `serve`
/// (KernelCI.Host.Tests, NotificationsServeTests).</summary>
internal sealed class FakeSubscriptionsApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private FakeSubscriptionsApi(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<JsonObject> Bodies { get; } = new();

    public Func<JsonObject, IResult> Answer { get; set; } = body => Results.Json(Created(body, "unconfirmed"), statusCode: 201);

    public static async Task<FakeSubscriptionsApi> StartAsync()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.BasePort() + 5}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.ToString());
        var app = builder.Build();
        var fake = new FakeSubscriptionsApi(app, url);
        app.MapPost("/api/subscriptions", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            fake.Bodies.Enqueue(body);
            return fake.Answer(body);
        });
        await app.StartAsync();
        return fake;
    }

    public static JsonObject Created(JsonObject body, string state)
    {
        var created = (JsonObject)body.DeepClone();
        created["id"] = "0193a1b2c3d4";
        created["address"] = body["address"]!.GetValue<string>().ToLowerInvariant();
        created["state"] = state;
        return created;
    }

    public static IResult Problem(int status, string field, string message) =>
        Results.Problem(detail: $"{field}: {message}", statusCode: status, extensions: new Dictionary<string, object?> { ["field"] = field });

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
