using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace KernelCI.Dashboard.Tests.Proxy;

/// <summary>The dashboard on a real listener, connected to a deployment whose storage listens where
/// <paramref name="storagePort"/> says (when given), as `serve` connects it.</summary>
internal sealed class ProxyTestApp : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly string _dataDirectory;
    private readonly WebApplication _app;

    private ProxyTestApp(TestDatabase database, string dataDirectory, WebApplication app)
    {
        _database = database;
        _dataDirectory = dataDirectory;
        _app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public static async Task<ProxyTestApp> StartAsync(DashboardOptions options, int? storagePort = null, string? pipelineStorageUrl = null)
    {
        var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var dataDirectory = Directory.CreateTempSubdirectory("kernelci-proxy-").FullName;
        var context = new HostContext(dataDirectory, database.Database, new SecretStore(dataDirectory), TimeProvider.System);
        var component = new DashboardComponent(options);
        if (storagePort is { } port)
        {
            var storage = new FakeStorage();
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(pipelineStorageUrl is null ? [] : [new("Pipeline:StorageUrl", pipelineStorageUrl)])
                .Build();
            var deployment = new Deployment(context, configuration, [component, storage], _ => true, "127.0.0.1",
                port - storage.PortOffset);
            await component.ConnectAsync(deployment, TestContext.Current.CancellationToken);
        }

        var app = ComponentApp.Build(component, context, b => b.WebHost.UseUrls("http://127.0.0.1:0"));
        await app.StartAsync();
        return new ProxyTestApp(database, dataDirectory, app);
    }

    public Task<HttpResponseMessage> GetAsync(string url, string? range = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/proxy/?url=" + Uri.EscapeDataString(url));
        if (range is not null)
        {
            request.Headers.TryAddWithoutValidation("Range", range);
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private sealed class FakeStorage : IComponent
    {
        public string Name => "storage";

        public int PortOffset => 3;

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
