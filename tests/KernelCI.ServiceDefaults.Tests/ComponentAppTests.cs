using System.Net;
using KernelCI.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace KernelCI.ServiceDefaults.Tests;

/// <summary>A component's own middleware (IComponent.UseMiddleware) runs before its endpoints, inside the shared
/// exception handler.</summary>
public sealed class ComponentAppTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-component-app-").FullName;
    private readonly Database _database;
    private readonly WebApplication _app;

    public ComponentAppTests()
    {
        _database = Database.OpenSqliteFile(Path.Combine(_directory, "kernelci.db"));
        var context = new HostContext(_directory, _database, new SecretStore(_directory), TimeProvider.System);
        _app = ComponentApp.Build(new MiddlewareComponent(), context, b => b.WebHost.UseUrls("http://127.0.0.1:0"));
    }

    [Fact]
    public async Task Component_middleware_runs_before_its_endpoints()
    {
        using var reply = await GetAsync("hello");

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("ran", Assert.Single(reply.Headers.GetValues("X-Component-Middleware")));
    }

    [Fact]
    public async Task Component_middleware_failure_reaches_the_shared_exception_handler()
    {
        using var reply = await GetAsync("boom");

        Assert.Equal(HttpStatusCode.InternalServerError, reply.StatusCode);
        Assert.Equal("application/problem+json", reply.Content.Headers.ContentType?.MediaType);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        await _app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single() + "/") };
        return await http.GetAsync(path, TestContext.Current.CancellationToken);
    }
}
