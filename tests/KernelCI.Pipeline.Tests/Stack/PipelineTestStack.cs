using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.Client.Storage;
using KernelCI.Data;
using KernelCI.Host.Serve;
using KernelCI.ServiceDefaults;
using KernelCI.Kcidb;
using KernelCI.Maestro;
using KernelCI.Pipeline;
using KernelCI.Pipeline.Config;
using KernelCI.Storage;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KernelCI.Pipeline.Tests.Stack;

/// <summary>The components the pipeline talks to (Maestro API, KCIDB, storage), in this process on real loopback
/// ports, on a fresh database, with pipeline options filled as `serve` fills them. Tests then run pipeline services
/// (or resolve them) from <see cref="Services"/>, built on those options.</summary>
internal sealed class PipelineTestStack : IAsyncDisposable
{
    private readonly List<WebApplication> _apps;
    private readonly TestDatabase _database;
    private readonly List<IHost> _hosts = [];

    private PipelineTestStack(TestDatabase database, string directory, HostContext context, List<WebApplication> apps, PipelineOptions options)
    {
        _database = database;
        DataDirectory = directory;
        Context = context;
        _apps = apps;
        Options = options;
    }

    public string DataDirectory { get; }

    public HostContext Context { get; }

    public PipelineOptions Options { get; }

    public Database Database => _database.Database;

    public MaestroClient Maestro => new(new HttpClient { BaseAddress = new Uri(Options.MaestroUrl!), Timeout = TimeSpan.FromMinutes(2) }, Options.MaestroToken);

    public StorageClient Storage => new(new HttpClient { BaseAddress = new Uri(Options.StorageUrl!) }, Options.StorageToken!);

    public KcidbClient Kcidb => new(new HttpClient { BaseAddress = new Uri(Options.KcidbUrl!) }, Options.KcidbToken!);

    public static async Task<PipelineTestStack> StartAsync(DatabaseKind kind = DatabaseKind.Sqlite, Func<PipelineOptions, PipelineOptions>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var directory = Directory.CreateTempSubdirectory("kernelci-pipeline-").FullName;
        IComponent[] components = [new MaestroComponent(), new KcidbComponent(), new StorageComponent()];
        await Migrator.ApplyAsync(database.Database, components.SelectMany(c => c.Migrations));
        var context = new HostContext(directory, database.Database, new SecretStore(directory), TimeProvider.System);
        var basePort = FreePort.BasePort();
        var apps = new List<WebApplication>();
        foreach (var component in components)
        {
            var app = ComponentApp.Build(component, context, b => b.WebHost.UseUrls($"http://127.0.0.1:{basePort + component.PortOffset}"));
            await app.StartAsync();
            apps.Add(app);
        }

        var options = await EmbeddedPipeline.CompleteAsync(new PipelineOptions(), context, "127.0.0.1", basePort);
        options = configure?.Invoke(options) ?? options;
        return new PipelineTestStack(database, directory, context, apps, options);
    }

    /// <summary>A service provider with the pipeline core on this stack's options and <paramref name="config"/>.</summary>
    public ServiceProvider Services(PipelineConfig? config = null, Action<IServiceCollection>? add = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPipelineCore(Options, config ?? new PipelineConfig());
        add?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Starts the named pipeline services in a host of their own; stopped when the stack is disposed.</summary>
    public async Task<IHost> RunServicesAsync(PipelineConfig config, params string[] names)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddPipelineCore(Options, config);
        builder.Services.AddPipelineServices(names);
        var host = builder.Build();
        await host.StartAsync();
        _hosts.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await _database.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
