using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Nipa;
using KernelCI.Pipeline.Services.Trigger;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Tests.Services.Nipa;

/// <summary>One test's world for the nipa service: the pipeline's peers (<see cref="PipelineTestStack"/>, whose storage
/// serves the published files) with the pipeline migrations, a build_config following a NIPA branch list, and services
/// built as a new process would build them. Builds and jobs are test doubles: nodes written as the scheduler and a lab
/// would, so no kernel is built.</summary>
internal sealed class NipaHarness : IAsyncDisposable
{
    public const string Tree = "netdev-testing";
    public const string Executor = "kernelci-test";
    public const string DashboardUrl = "http://dashboard.test";

    private readonly List<ServiceProvider> _providers = [];
    private readonly HttpClient _http = new();

    private NipaHarness(PipelineTestStack stack) => Stack = stack;

    public PipelineTestStack Stack { get; }

    public PipelineConfig Config { get; init; } = new();

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<NipaHarness> StartAsync(DatabaseKind kind = DatabaseKind.Sqlite, string treeUrl = "https://example.org/testing.git",
        string listUrl = "http://127.0.0.1:1/branches.json")
    {
        var stack = await PipelineTestStack.StartAsync(kind);
        await Migrator.ApplyAsync(stack.Database, new PipelineComponent().Migrations);
        return new NipaHarness(stack)
        {
            Config = new PipelineConfig
            {
                Trees = new Dictionary<string, TreeConfig> { [Tree] = new(Tree, treeUrl) },
                BuildConfigs = new Dictionary<string, BuildConfig> { [Tree] = new(Tree, Tree, listUrl) },
            },
        };
    }

    /// <summary>A new nipa service on this world, as a restarted process would have.</summary>
    public NipaService Service(NipaOptions? options = null)
    {
        var provider = Stack.Services(Config, services =>
        {
            services.AddSingleton(Stack.Database);
            services.AddSingleton(options ?? new NipaOptions { Executor = Executor, DashboardUrl = DashboardUrl });
            NipaRegistration.Add(services);
        });
        _providers.Add(provider);
        return provider.GetRequiredService<NipaService>();
    }

    /// <summary>A checkout as the trigger makes it for a NIPA branch.</summary>
    public Task<MaestroNode> CheckoutAsync(string branch, string commit = "0123456789abcdef0123456789abcdef01234567", string tree = Tree,
        string submitter = CheckoutTrigger.Submitter) => Stack.Maestro.CreateNodeAsync(new MaestroNode
    {
        Kind = "checkout", Name = "checkout", Path = ["checkout"], State = "running", Submitter = submitter,
        Treeid = Guid.NewGuid().ToString("N"),
        Data = new JsonObject { ["kernel_revision"] = new JsonObject { ["tree"] = tree, ["url"] = "https://example.org/testing.git", ["branch"] = branch, ["commit"] = commit } },
    }, Token);

    public Task<MaestroNode> ChildAsync(MaestroNode parent, string kind, string name, string result, string? platform = null) =>
        Stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = kind, Name = name, Path = [.. parent.Path, name], Parent = parent.Id, State = "done", Result = result, Treeid = parent.Treeid,
            Data = platform is null ? [] : new JsonObject { ["platform"] = platform },
        }, Token);

    public async Task<MaestroNode> DoneAsync(MaestroNode checkout, string result = "pass") =>
        await Stack.Maestro.PatchNodeAsync(checkout.Id!, new JsonObject { ["state"] = "done", ["result"] = result }, cancellationToken: Token);

    /// <summary>The node event the service would read for <paramref name="node"/>.</summary>
    public static MaestroEvent Event(MaestroNode node) =>
        new(1, "node", "pipeline", new JsonObject { ["op"] = "updated", ["id"] = node.Id, ["kind"] = node.Kind, ["name"] = node.Name, ["state"] = node.State }, "{}");

    public string UrlOf(string path) => Stack.Options.StorageUrl!.TrimEnd('/') + "/" + path;

    /// <summary>A published file as NIPA's collector fetches it: a plain GET of its public URL.</summary>
    public async Task<JsonNode> GetAsync(string url)
    {
        using var response = await _http.GetAsync(url, Token);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
    }

    /// <summary>The manifest, or null before its first upload.</summary>
    public async Task<JsonNode?> ManifestOrNullAsync()
    {
        using var response = await _http.GetAsync(UrlOf(new NipaOptions().ManifestPath), Token);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(Token)) : null;
    }

    /// <summary>The nipa service as `serve` runs it: a hosted service following node events.</summary>
    public async Task<IHost> RunAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddPipelineCore(Stack.Options with { Nipa = new NipaOptions { Executor = Executor, DashboardUrl = DashboardUrl } }, Config);
        builder.Services.AddSingleton(Stack.Database);
        builder.Services.AddPipelineServices(["nipa"]);
        var host = builder.Build();
        await host.StartAsync(Token);
        return host;
    }

    public Task<JsonNode> ManifestAsync() => GetAsync(UrlOf(new NipaOptions().ManifestPath));

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        _http.Dispose();
        await Stack.DisposeAsync();
    }
}

/// <summary>Stops a host before it is disposed, so its event loop ends with the test.</summary>
internal sealed class StopOnDispose(IHost host) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await host.StopAsync();
}
