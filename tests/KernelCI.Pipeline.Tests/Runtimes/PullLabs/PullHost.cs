using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Runtimes.Lava.Callback;
using KernelCI.Pipeline.Runtimes.PullLabs;
using KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

/// <summary>The pipeline API's pull-lab routes and the callback route with its worker on a loopback listener over a
/// test stack, with two pull labs whose own tokens are in the data folder's secrets, and the pull_labs runtime that
/// queues their jobs as the scheduler would.</summary>
internal sealed class PullHost : IAsyncDisposable
{
    public const string Lab = "pull-a";
    public const string Token = "pull-a-secret";
    public const string OtherLab = "pull-b";
    public const string OtherToken = "pull-b-secret";

    private readonly WebApplication _app;
    private readonly ServiceProvider _runtimes;

    private PullHost(PipelineTestStack stack, WebApplication app, ServiceProvider runtimes, string url)
    {
        Stack = stack;
        _app = app;
        _runtimes = runtimes;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public PipelineTestStack Stack { get; }

    public string Url { get; }

    public HttpClient Http { get; }

    public static PipelineConfig Config { get; } = new()
    {
        Runtimes = new Dictionary<string, RuntimeConfig>
        {
            [Lab] = new(Lab, "pull_labs", Rules.None, []),
            [OtherLab] = new(OtherLab, "pull_labs", Rules.None, new JsonObject { ["runtime_token"] = "lab-b-token" }),
        },
    };

    /// <summary>The host over <paramref name="stack"/>; with <paramref name="time"/>, the lab API's leases run on that clock.</summary>
    public static async Task<PullHost> StartAsync(PipelineTestStack stack, TimeProvider? time = null)
    {
        await Migrator.ApplyAsync(stack.Database, [.. LavaCallbackMigrations.All, .. PullLabMigrations.All]);
        AddSecret(stack.DataDirectory, Lab + ".runtime_token", Token);
        AddSecret(stack.DataDirectory, "lab-b-token", OtherToken);
        var url = $"http://127.0.0.1:{KernelCI.Testing.FreePort.BasePort()}/";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(stack.Context.Secrets);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddPipelineCore(stack.Options, Config);
        builder.Services.AddLavaCallbacks(stack.Database);
        builder.Services.AddPullLabs(stack.Database);
        var app = builder.Build();
        app.MapLavaCallback();
        app.MapPullLabs();
        await app.StartAsync();
        return new PullHost(stack, app, stack.Services(Config, RuntimeRegistration.Add), url);
    }

    /// <summary>A job of <paramref name="lab"/> as the scheduler leaves it (running), then queued by the pull_labs runtime.</summary>
    public async Task<MaestroNode> QueueAsync(string lab = Lab, IReadOnlyDictionary<string, string>? artifacts = null, string name = "baseline-x86",
        JsonObject? parameters = null)
    {
        var node = await CallbackHost.JobAsync(Stack, name, lab);
        parameters ??= new JsonObject { ["test_method"] = "baseline", ["job_timeout"] = 5 };
        var request = new JobRequest(node, new JobConfig(name, "job", "baseline.jinja2", null, parameters, Rules.None, "boot"),
            RuntimeHarness.QemuX86, parameters, artifacts ?? new Dictionary<string, string> { ["kernel"] = "http://127.0.0.1:1/bzImage" });
        var runtime = _runtimes.GetServices<IRuntimeFactory>().Single(f => f.LabType == "pull_labs").Create(Config.Runtimes[lab]);
        await runtime.SubmitAsync(request, TestContext.Current.CancellationToken);
        return (await Stack.Maestro.GetNodeAsync(node.Id!, TestContext.Current.CancellationToken))!;
    }

    public async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? token = Token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public Task<(int Status, string Body)> ClaimAsync(string nodeId, string lab = Lab, string? token = Token, string worker = "w1") =>
        SendAsync(HttpMethod.Post, $"api/pull/{lab}/jobs/{nodeId}/claim", token, $$"""{"worker": "{{worker}}"}""");

    private static void AddSecret(string dataDirectory, string name, string value)
    {
        var path = Path.Combine(dataDirectory, "secrets.json");
        var secrets = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : new JsonObject();
        secrets[name] = value;
        File.WriteAllText(path, secrets.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _runtimes.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
