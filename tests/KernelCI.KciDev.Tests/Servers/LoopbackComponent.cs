using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace KernelCI.KciDev.Tests.Servers;

/// <summary>One of our components built as `serve` builds it (ComponentApp.Build, its migrations applied) on a real
/// loopback listener and a fresh SQLite database: ours and upstream's kci-dev (another process) talk to the same server.</summary>
internal sealed class LoopbackComponent : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private LoopbackComponent(TestDatabase database, string dataDirectory, WebApplication app)
    {
        _database = database;
        DataDirectory = dataDirectory;
        App = app;
        Url = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    public WebApplication App { get; }

    /// <summary>The listener's root, ending in `/`.</summary>
    public Uri Url { get; }

    public Database Database => _database.Database;

    public string DataDirectory { get; }

    public SecretStore Secrets => new(DataDirectory);

    public static async Task<LoopbackComponent> StartAsync(IComponent component)
    {
        var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await Migrator.ApplyAsync(database.Database, component.Migrations);
        var dataDirectory = Directory.CreateTempSubdirectory("kernelci-kcidev-server-").FullName;
        var secrets = new SecretStore(dataDirectory);
        secrets.Ensure(component.Secrets);

        var context = new HostContext(dataDirectory, database.Database, secrets, TimeProvider.System);
        var app = ComponentApp.Build(component, context, b => b.WebHost.UseUrls("http://127.0.0.1:0"));
        await app.StartAsync();
        return new LoopbackComponent(database, dataDirectory, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
