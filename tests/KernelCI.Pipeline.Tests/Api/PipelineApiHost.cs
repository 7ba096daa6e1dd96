using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>The pipeline API on its own loopback listener, in front of a test stack, and a client posting to it.</summary>
internal sealed class PipelineApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PipelineApiHost(WebApplication app, PipelineTestStack stack, string url)
    {
        _app = app;
        Stack = stack;
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    /// <summary>The bridge's jobs with a kbuild on every new checkout and a boot on every build, so that a request
    /// is something the pipeline would build.</summary>
    public static PipelineConfig Config { get; } = BridgeNodes.Config with
    {
        Scheduler =
        [
            new("kbuild-gcc-x86", "node", new Dictionary<string, string> { ["kind"] = "checkout", ["state"] = "available" }, null, "shell", null, Rules.None),
            new("baseline-x86", "node", new Dictionary<string, string> { ["kind"] = "kbuild", ["state"] = "available" }, null, "qemu", ["qemu-x86_64"], Rules.None),
        ],
    };

    public PipelineTestStack Stack { get; }

    public HttpClient Http { get; }

    public static async Task<PipelineApiHost> StartAsync(PipelineTestStack stack, PipelineConfig? config = null)
    {
        // Port 0: the listener takes a free port itself, so no other process can take it between a probe and the bind.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(stack.Context);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(stack.Context.Secrets);
        builder.Services.AddPipelineCore(stack.Options, config ?? Config);
        builder.Services.AddPipelineApi();
        var app = builder.Build();
        app.MapPipelineApi();
        await app.StartAsync();
        return new PipelineApiHost(app, stack, app.Urls.First().TrimEnd('/') + "/");
    }

    public string Token(params string[] permissions) =>
        PipelineTokens.Issue(Stack.Context.Secrets.Get(PipelineTokens.SecretName), "dev@example.org", permissions, expires: null);

    /// <summary>POSTs as kci-dev does: the raw token in Authorization, no "Bearer".</summary>
    public async Task<(int Status, JsonObject Body)> PostAsync(string path, JsonObject body, string? token, bool bearer = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            if (bearer)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                request.Headers.TryAddWithoutValidation("Authorization", token);
            }
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>POSTs any content (malformed, oversized, slow); the reply body is null when it is not JSON.</summary>
    public async Task<(int Status, JsonObject? Body)> PostRawAsync(string path, HttpContent content, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        try
        {
            return ((int)response.StatusCode, JsonNode.Parse(text) as JsonObject);
        }
        catch (System.Text.Json.JsonException)
        {
            return ((int)response.StatusCode, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
