using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace KernelCI.KciDev.Tests.Servers;

/// <summary>What `serve` gives its components, for tests: one fresh SQLite database with the components' migrations, a
/// data folder with their secrets, and each component built as `serve` builds it (ComponentApp.Build) on a real loopback
/// listener, so ours and upstream's kci-dev (another process) talk to the same servers. Disposing stops the components
/// in reverse order and removes the database and the folder.</summary>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly List<WebApplication> _apps = [];

    private LoopbackHost(TestDatabase database, HostContext context)
    {
        _database = database;
        Context = context;
    }

    public HostContext Context { get; }

    public Database Database => _database.Database;

    public string DataDirectory => Context.DataDirectory;

    public SecretStore Secrets => Context.Secrets;

    public static async Task<LoopbackHost> CreateAsync(IReadOnlyList<IComponent> components, params string[] moreSecrets)
    {
        var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await Migrator.ApplyAsync(database.Database, components.SelectMany(c => c.Migrations));
        var directory = Directory.CreateTempSubdirectory("kernelci-kcidev-server-").FullName;
        var context = new HostContext(directory, database.Database, new SecretStore(directory), TimeProvider.System);
        context.Secrets.Ensure(components.SelectMany(c => c.Secrets).Concat(moreSecrets));
        return new LoopbackHost(database, context);
    }

    /// <summary>Applies the component's migrations and starts it on <paramref name="port"/> (0: any free port) and returns its root, ending in `/`.</summary>
    public async Task<Uri> StartAsync(IComponent component, int port = 0)
    {
        // A component built after the host (the pipeline, whose options name its peers' ports) brings migrations the
        // host did not apply; `serve` applies every component's before starting any (Serve/ServeHost.cs).
        await Migrator.ApplyAsync(Database, component.Migrations);
        var app = ComponentApp.Build(component, Context, b => b.WebHost.UseUrls($"http://127.0.0.1:{port}"));
        _apps.Add(app);
        await app.StartAsync();
        return new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

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
}
