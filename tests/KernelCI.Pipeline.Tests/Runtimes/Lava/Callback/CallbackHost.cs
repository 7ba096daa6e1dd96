using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes.Lava.Callback;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

/// <summary>The callback route and its worker on a loopback listener over a test stack, with two LAVA labs whose
/// callback tokens are in the data folder's secrets. Without the worker (<c>worker: false</c>) callbacks are only
/// stored, as on a host killed right after answering.</summary>
internal sealed class CallbackHost : IAsyncDisposable
{
    public const string Lab = "lava-test";
    public const string OtherLab = "lava-other";
    public const string OtherToken = "other-lab-secret";

    private readonly WebApplication _app;

    private CallbackHost(WebApplication app, string url)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public HttpClient Http { get; }

    public static PipelineConfig Config { get; } = new()
    {
        Runtimes = new Dictionary<string, RuntimeConfig>
        {
            [Lab] = new(Lab, "lava", Rules.None, []),
            [OtherLab] = new(OtherLab, "lava", Rules.None, new JsonObject { ["callback_token"] = "other-secret-name" }),
        },
    };

    public static async Task<CallbackHost> StartAsync(PipelineTestStack stack, bool worker = true)
    {
        await Migrator.ApplyAsync(stack.Database, LavaCallbackMigrations.All);
        AddSecret(stack.DataDirectory, Lab + ".callback_token", CallbackPayloads.Token);
        AddSecret(stack.DataDirectory, "other-secret-name", OtherToken);
        var url = $"http://127.0.0.1:{KernelCI.Testing.FreePort.BasePort()}/";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(stack.Context.Secrets);
        builder.Services.AddPipelineCore(stack.Options, Config);
        builder.Services.AddLavaCallbacks(stack.Database);
        if (!worker)
        {
            builder.Services.RemoveAll<IHostedService>();
        }

        var app = builder.Build();
        app.MapLavaCallback();
        await app.StartAsync();
        return new CallbackHost(app, url);
    }

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>POSTs as LAVA does: JSON, the raw secret in Authorization.</summary>
    public async Task<(int Status, string Body)> PostAsync(string nodeId, string content, string? token = CallbackPayloads.Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "node/" + nodeId) { Content = new StringContent(content, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public Task<(int Status, string Body)> PostAsync(string nodeId, JsonObject body, string? token = CallbackPayloads.Token) =>
        PostAsync(nodeId, body.ToJsonString(), token);

    /// <summary>A checkout, a kbuild and a running job of <paramref name="lab"/>, as the scheduler leaves them.</summary>
    public static async Task<MaestroNode> JobAsync(PipelineTestStack stack, string name = "baseline-x86", string lab = Lab, JsonObject? extra = null)
    {
        var maestro = stack.Maestro;
        var checkout = await maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout", Name = "checkout", Path = ["checkout"], State = "available", Result = "pass",
            Data = new JsonObject { ["kernel_revision"] = Revision() },
        });
        var kbuild = await maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "kbuild", Name = "kbuild-gcc-x86", Parent = checkout.Id, Path = ["checkout", "kbuild-gcc-x86"], State = "done", Result = "pass",
            Data = new JsonObject { ["kernel_revision"] = Revision(), ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "x86_64_defconfig" },
        });
        var data = new JsonObject
        {
            ["kernel_revision"] = Revision(), ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "x86_64_defconfig",
            ["config_full"] = "x86_64_defconfig", ["kernel_type"] = "bzimage", ["platform"] = "qemu-x86_64", ["runtime"] = lab, ["job_id"] = "3",
        };
        foreach (var (key, value) in extra ?? [])
        {
            data[key] = value?.DeepClone();
        }

        return await maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "job", Name = name, Parent = kbuild.Id, Path = ["checkout", "kbuild-gcc-x86", name], Group = name, Data = data,
            Treeid = "t1", Submitter = "service:pipeline",
        });
    }

    private static JsonObject Revision() => new()
    {
        ["tree"] = "mainline", ["url"] = "https://git.kernel.org/linux.git", ["branch"] = "master",
        ["commit"] = "0123456789abcdef0123456789abcdef01234567", ["describe"] = "v6.1",
    };

    // The operator's step (docs/labs.md): the lab's token goes into the data folder's secrets.json under its name.
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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
