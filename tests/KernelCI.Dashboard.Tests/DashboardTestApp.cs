using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.ServiceDefaults;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Dashboard.Tests;

/// <summary>The dashboard component in process on a fresh KCIDB database, with an HTTP client for it. Rows go in through
/// KCIDB's own store (<see cref="SeedAsync"/>), the way ingestion writes them, aggregates included.</summary>
internal sealed class DashboardTestApp : IAsyncDisposable
{
    // Null for an app started beside another (StartBesideAsync): the first one owns the database.
    private readonly TestDatabase? _owned;
    private readonly string _dataDirectory;

    private DashboardTestApp(TestDatabase? owned, Database database, string dataDirectory, HostContext context, WebApplication app)
    {
        _owned = owned;
        Database = database;
        Context = context;
        _dataDirectory = dataDirectory;
        App = app;
        Client = app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>() is TestServer
            ? app.GetTestClient()
            : new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Store = KcidbStore.Create(database, TimeProvider.System);
    }

    public WebApplication App { get; }

    /// <summary>The host the dashboard runs in: a test publishes here what another component of the host would offer.</summary>
    public HostContext Context { get; }

    public HttpClient Client { get; }

    public IKcidbStore Store { get; }

    public Database Database { get; }

    /// <summary>The API's base as kci-dev's `dashboard_api` names it (a real listener only: see <c>kestrel</c>).</summary>
    public Uri ApiUrl => new(Client.BaseAddress!, "/api/");

    /// <summary>With <paramref name="kestrel"/>, a real listener on a free loopback port, for clients in other
    /// processes (kci-dev). With <paramref name="notificationsUrl"/>, connected to a deployment whose notifications
    /// component listens there (as `serve` connects it), for `/api/subscriptions` and the subscribe page.</summary>
    public static async Task<DashboardTestApp> StartAsync(DatabaseKind kind, DashboardOptions? options = null, bool kestrel = false,
        Uri? notificationsUrl = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, KcidbMigrations.All);
        return await StartOnAsync(database, database.Database, options, kestrel, notificationsUrl);
    }

    /// <summary>A second dashboard on this one's database, as another replica of the API would be: its own services,
    /// pools and caches. Disposing it leaves the database to this one.</summary>
    public Task<DashboardTestApp> StartBesideAsync(DashboardOptions? options = null) => StartOnAsync(null, Database, options, kestrel: false, null);

    private static async Task<DashboardTestApp> StartOnAsync(TestDatabase? owned, Database database, DashboardOptions? options, bool kestrel,
        Uri? notificationsUrl)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("kernelci-dashboard-").FullName;
        var context = new HostContext(dataDirectory, database, new SecretStore(dataDirectory), TimeProvider.System);
        var component = new DashboardComponent(options ?? new DashboardOptions());
        if (notificationsUrl is not null)
        {
            var notifications = new PeerAt("notifications", 5);
            var deployment = new Deployment(context, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), [component, notifications, new PeerAt("storage", 4)],
                _ => true, notificationsUrl.Host, notificationsUrl.Port - notifications.PortOffset);
            await component.ConnectAsync(deployment, TestContext.Current.CancellationToken);
        }

        var app = ComponentApp.Build(component, context, b =>
        {
            if (kestrel)
            {
                b.WebHost.UseUrls("http://127.0.0.1:0");
            }
            else
            {
                b.WebHost.UseTestServer();
            }
        });
        await app.StartAsync();
        return new DashboardTestApp(owned, database, dataDirectory, context, app);
    }

    /// <summary>Ingests KCIDB v5.3 documents, each in its own batch, in order. The store keeps the dashboard's aggregates
    /// in each batch's transaction (docs/dashboard-api.md, "Aggregates"), so no AggregateRecompute is needed after it.</summary>
    public async Task SeedAsync(params string[] documents)
    {
        var number = 0;
        foreach (var document in documents)
        {
            using var parsed = JsonDocument.Parse(document);
            await Store.IngestAsync([new AcceptedSubmission($"seed-{number++}", parsed.RootElement.Clone())], TestContext.Current.CancellationToken);
        }
    }

    public async Task<JsonNode?> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async Task<JsonNode?> PostJsonAsync(string path, object body)
    {
        using var response = await Client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>Another component of the deployment, only for where it listens.</summary>
    private sealed class PeerAt(string name, int portOffset) : IComponent
    {
        public string Name => name;

        public int PortOffset => portOffset;

        public IReadOnlyList<string> Secrets => [];

        public IReadOnlyList<Migration> Migrations => [];

        public void ConfigureServices(WebApplicationBuilder builder, HostContext context)
        {
        }

        public void MapEndpoints(WebApplication app)
        {
        }
    }
}
