using KernelCI.Data;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Submissions;
using KernelCI.ServiceDefaults;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Kcidb.Tests;

/// <summary>The KCIDB component in process on a fresh database and data folder, with an HTTP client for it.</summary>
internal sealed class KcidbTestApp : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly string _dataDirectory;

    private KcidbTestApp(TestDatabase database, string dataDirectory, WebApplication app)
    {
        _database = database;
        _dataDirectory = dataDirectory;
        App = app;
        Client = app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>() is TestServer server
            ? server.CreateClient()
            : new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public Database Database => _database.Database;

    public SubmissionSpool Spool => App.Services.GetRequiredService<SubmissionSpool>();

    public IKcidbStore Store => App.Services.GetRequiredService<IKcidbStore>();

    public string Secret => App.Services.GetRequiredService<SecretStore>().Get(SubmissionAuthenticator.SecretName);

    /// <summary>With <paramref name="kestrel"/>, a real listener on a free loopback port, so its buffers are the component's.</summary>
    /// <param name="configuration">Configuration keys besides the options (e.g. Dashboard:ProxyAllowedHosts:0).</param>
    /// <param name="storage">Our storage's address, as the deployment gives it (Pipeline:StorageUrl).</param>
    public static async Task<KcidbTestApp> StartAsync(DatabaseKind kind, KcidbOptions? options = null, TimeProvider? timeProvider = null, bool kestrel = false,
        IReadOnlyDictionary<string, string?>? configuration = null, Uri? storage = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, KcidbMigrations.All);
        var dataDirectory = Directory.CreateTempSubdirectory("kernelci-kcidb-").FullName;
        var context = new HostContext(dataDirectory, database.Database, new SecretStore(dataDirectory), timeProvider ?? TimeProvider.System);
        var component = new KcidbComponent(options ?? new KcidbOptions());
        if (storage is not null)
        {
            await component.ConnectAsync(StorageDeployment.For(context, storage), TestContext.Current.CancellationToken);
        }

        var app = ComponentApp.Build(component, context, b =>
        {
            if (configuration is not null)
            {
                b.Configuration.AddInMemoryCollection(configuration);
            }

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
        return new KcidbTestApp(database, dataDirectory, app);
    }

    public string Token(string origin, bool admin = false, TimeSpan? validFor = null) =>
        SubmissionAuthenticator.IssueToken(Secret, origin, admin, DateTimeOffset.UtcNow.Add(validFor ?? TimeSpan.FromHours(1)));

    public HttpRequestMessage Request(HttpMethod method, string path, string? token, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
