using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Host.Serve;
using KernelCI.Kcidb;
using KernelCI.Maestro;
using KernelCI.Pipeline;
using KernelCI.Pipeline.Api;
using KernelCI.ServiceDefaults;
using KernelCI.Storage;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace KernelCI.KciDev.Tests.Pipeline;

/// <summary>Maestro, KCIDB, storage and the pipeline component (its API with the demo's configuration, only send-kcidb
/// running) built as `serve` builds them, on real loopback ports over one fresh SQLite database: what kci-dev's
/// checkout, patchset, testretry and watch talk to. Tests drive the nodes through <see cref="Maestro"/> (the pipeline's
/// own service user).</summary>
internal sealed class PipelineServers : IAsyncDisposable
{
    public const string TreeUrl = "https://git.example.org/linux.git";

    private readonly List<WebApplication> _apps;
    private readonly TestDatabase _database;

    private PipelineServers(TestDatabase database, string directory, HostContext context, List<WebApplication> apps, PipelineOptions options, int basePort)
    {
        _database = database;
        DataDirectory = directory;
        Context = context;
        _apps = apps;
        Options = options;
        Api = new Uri($"http://127.0.0.1:{basePort + new MaestroComponent().PortOffset}/");
        Pipeline = new Uri($"http://127.0.0.1:{basePort + 2}/");
    }

    public string DataDirectory { get; }

    public HostContext Context { get; }

    public PipelineOptions Options { get; }

    /// <summary>kci-dev's `api`: Maestro's root (kci-dev adds `latest/`).</summary>
    public Uri Api { get; }

    /// <summary>kci-dev's `pipeline`.</summary>
    public Uri Pipeline { get; }

    public MaestroClient Maestro => new(new HttpClient { BaseAddress = new Uri(Options.MaestroUrl!), Timeout = TimeSpan.FromMinutes(1) }, Options.MaestroToken);

    public static async Task<PipelineServers> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var directory = Directory.CreateTempSubdirectory("kernelci-kcidev-pipeline-").FullName;
        IComponent[] peers = [new MaestroComponent(), new KcidbComponent(), new StorageComponent()];
        await Migrator.ApplyAsync(database.Database, peers.SelectMany(c => c.Migrations));
        var context = new HostContext(directory, database.Database, new SecretStore(directory), TimeProvider.System);
        context.Secrets.Ensure(peers.SelectMany(c => c.Secrets).Append(PipelineTokens.SecretName));
        var basePort = FreePort.BasePort();
        var apps = new List<WebApplication>();
        foreach (var component in peers)
        {
            apps.Add(await StartAsync(component, context, basePort));
        }

        var options = await EmbeddedPipeline.CompleteAsync(new PipelineOptions
        {
            Services = ["send-kcidb"],
            ConfigDirectory = PipelineDemoConfig.WriteDirectory(directory, TreeUrl),
        }, context, "127.0.0.1", basePort);
        apps.Add(await StartAsync(new PipelineComponent(options), context, basePort));
        return new PipelineServers(database, directory, context, apps, options, basePort);
    }

    /// <summary>A pipeline API token for dev@example.org with the given permissions.</summary>
    public string Token(params string[] permissions) =>
        PipelineTokens.Issue(Context.Secrets.Get(PipelineTokens.SecretName), "dev@example.org", permissions, expires: null);

    public async ValueTask DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await _database.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static async Task<WebApplication> StartAsync(IComponent component, HostContext context, int basePort)
    {
        var app = ComponentApp.Build(component, context, b => b.WebHost.UseUrls($"http://127.0.0.1:{basePort + component.PortOffset}"));
        await app.StartAsync();
        return app;
    }
}
