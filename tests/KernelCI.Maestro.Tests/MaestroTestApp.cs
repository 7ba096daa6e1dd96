using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Maestro.Users;
using KernelCI.ServiceDefaults;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace KernelCI.Maestro.Tests;

/// <summary>The Maestro component in process on TestServer. Several apps may share one database and data folder, as
/// replicas of one deployment do.</summary>
internal sealed class MaestroTestApp : IAsyncDisposable
{
    private readonly TestDatabase? _ownedDatabase;
    private readonly bool _ownsDirectory;

    private MaestroTestApp(WebApplication app, Database database, string dataDirectory, TestDatabase? ownedDatabase, bool ownsDirectory)
    {
        App = app;
        Database = database;
        DataDirectory = dataDirectory;
        _ownedDatabase = ownedDatabase;
        _ownsDirectory = ownsDirectory;
        Http = app.GetTestClient();
        Http.BaseAddress = new Uri(Http.BaseAddress!, "/latest/");
    }

    public WebApplication App { get; }

    public Database Database { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public static async Task<MaestroTestApp> StartAsync(DatabaseKind kind, MaestroOptions? options = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var directory = Directory.CreateTempSubdirectory("kernelci-maestro-").FullName;
        return await StartAsync(database.Database, directory, options, database, ownsDirectory: true);
    }

    /// <summary>A second replica on the same database and data folder (hence the same JWT secret).</summary>
    public static Task<MaestroTestApp> ReplicaOfAsync(MaestroTestApp first, MaestroOptions? options = null) =>
        StartAsync(first.Database, first.DataDirectory, options, null, ownsDirectory: false);

    private static async Task<MaestroTestApp> StartAsync(Database database, string directory, MaestroOptions? options, TestDatabase? owned, bool ownsDirectory)
    {
        await Migrator.ApplyAsync(database, MaestroMigrations.All);
        var context = new HostContext(directory, database, new SecretStore(directory), TimeProvider.System);
        var app = ComponentApp.Build(new MaestroComponent(options ?? new MaestroOptions()), context, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new MaestroTestApp(app, database, directory, owned, ownsDirectory);
    }

    public async Task<string> TokenAsync(string username, bool admin = false, params string[] groups)
    {
        await UserAdmin.AddAsync(Database, username, admin, groups, "secret-" + username);
        var secret = new SecretStore(DataDirectory).Get(UserTokens.SecretName);
        return (await UserAdmin.TokenAsync(Database, secret, username, TimeSpan.FromHours(1)))!;
    }

    public MaestroClient Client(string? token)
    {
        var http = App.GetTestClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/latest/");
        return new MaestroClient(http, token);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? token, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = Request(method, path, token, json);
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownedDatabase is not null)
        {
            await _ownedDatabase.DisposeAsync();
        }

        if (_ownsDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
