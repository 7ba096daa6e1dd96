using System.Net.Http.Headers;
using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Storage.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Storage.Tests;

/// <summary>The storage component in process on a fresh data folder, with the local backend or a fresh Azurite container.</summary>
internal sealed class StorageTestApp : IAsyncDisposable
{
    public const string AzuriteVariable = "KERNELCI_TEST_AZURITE";
    public const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _dataDirectory;
    private readonly Database _database;

    private StorageTestApp(string dataDirectory, Database database, WebApplication app)
    {
        _dataDirectory = dataDirectory;
        _database = database;
        App = app;
        Client = app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>() is TestServer server
            ? server.CreateClient()
            : new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public static TheoryData<string> Backends => new("local", "azurite");

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string DataDirectory => _dataDirectory;

    public string Secret => App.Services.GetRequiredService<SecretStore>().Get(StorageAuthenticator.SecretName);

    /// <summary>With <paramref name="kestrel"/>, a real listener on a free loopback port, for requests HttpClient cannot send.</summary>
    public static async Task<StorageTestApp> StartAsync(string backend = "local", StorageOptions? options = null, TimeProvider? timeProvider = null, bool kestrel = false)
    {
        options ??= new StorageOptions();
        options = backend == "azurite" ? options with { Backend = "azure", Azure = Azurite() } : options with { Backend = "local" };
        var dataDirectory = Directory.CreateTempSubdirectory("kernelci-storage-").FullName;
        var database = Database.OpenSqliteFile(Path.Combine(dataDirectory, "unused.db"));
        var context = new HostContext(dataDirectory, database, new SecretStore(dataDirectory), timeProvider ?? TimeProvider.System);
        var app = ComponentApp.Build(new StorageComponent(options), context, b =>
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
        return new StorageTestApp(dataDirectory, database, app);
    }

    public static AzureBlobOptions Azurite()
    {
        var endpoint = Environment.GetEnvironmentVariable(AzuriteVariable) ?? "http://127.0.0.1:10000/devstoreaccount1";
        var account = new Uri(endpoint).AbsolutePath.Trim('/');
        return new AzureBlobOptions
        {
            Account = account.Length > 0 ? account : "devstoreaccount1",
            Key = AzuriteKey,
            Endpoint = endpoint,
            Container = "t" + Guid.NewGuid().ToString("N")[..20],
        };
    }

    public string Token(string email = "user@example.org", DateTimeOffset? expires = null) =>
        StorageAuthenticator.IssueToken(Secret, email, expires);

    /// <summary>A kci-dev style upload: `path` then file0..N, token sent as `Bearer` unless <paramref name="scheme"/> says otherwise.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string path, string? token, params (string Name, byte[] Content)[] files) =>
        await UploadAsync(path, token, "Bearer", files);

    public async Task<HttpResponseMessage> UploadAsync(string path, string? token, string? scheme, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(path), "path" } };
        for (var i = 0; i < files.Length; i++)
        {
            form.Add(new ByteArrayContent(files[i].Content), "file" + i, files[i].Name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = form };
        Authorize(request, token, scheme);
        return await Client.SendAsync(request);
    }

    public static void Authorize(HttpRequestMessage request, string? token, string? scheme = "Bearer")
    {
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", scheme is null ? token : scheme + " " + token);
        }
    }

    public async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestHeaders>? headers = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        headers?.Invoke(request.Headers);
        return await Client.SendAsync(request);
    }

    /// <summary>Sends a request line exactly as given (no normalisation) and returns the status code.</summary>
    public async Task<int> RawGetStatusAsync(string target)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(Client.BaseAddress!.Host, Client.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);
        var status = await reader.ReadLineAsync() ?? "";
        return int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (App.Services.GetRequiredService<KernelCI.Storage.Backends.IStorageBackend>() is KernelCI.Storage.Backends.AzureBlobBackend azure)
        {
            await azure.DeleteContainerAsync(CancellationToken.None);
        }

        await App.StopAsync();
        await App.DisposeAsync();
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
