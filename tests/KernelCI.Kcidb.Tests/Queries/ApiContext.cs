using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Tests.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace KernelCI.Kcidb.Tests.Queries;

/// <summary>The KCIDB component in process on a fresh database; data goes in through the store directly.</summary>
internal sealed class ApiContext : IAsyncDisposable
{
    private readonly string _directory;

    private ApiContext(StoreContext store, string directory, WebApplication app)
    {
        Store = store;
        _directory = directory;
        App = app;
        Client = app.GetTestClient();
    }

    public StoreContext Store { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<ApiContext> CreateAsync(DatabaseKind kind)
    {
        var store = await StoreContext.CreateAsync(kind);
        var directory = Directory.CreateTempSubdirectory("kernelci-kcidb-api-").FullName;
        var app = ComponentApp.Build(new KcidbComponent(new KcidbOptions { RunIngester = false }),
            new HostContext(directory, store.Database, new SecretStore(directory), TimeProvider.System),
            b => b.WebHost.UseTestServer());
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ApiContext(store, directory, app);
    }

    public Task IngestAsync(params AcceptedSubmission[] submissions) => Store.IngestAsync(submissions);

    public async Task<JsonObject> GetJsonAsync(string url)
    {
        var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The ids of one object list of a query reply, sorted.</summary>
    public static string[] Ids(JsonObject document, string list) =>
        document[list] is JsonArray items ? [.. items.Select(i => (string)i!["id"]!).Order(StringComparer.Ordinal)] : [];

    public async Task<(int Status, string? Detail)> GetErrorAsync(string url)
    {
        var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, (string?)problem?["detail"]);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
