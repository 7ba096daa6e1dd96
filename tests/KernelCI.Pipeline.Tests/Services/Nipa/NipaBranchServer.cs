using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Tests.Services.Nipa;

/// <summary>NIPA's static web server on the loopback (docs/integrations.md, "NIPA"; the contract's §1.6 uses
/// `python3 -m http.server`): `/branches.json` answers HEAD and GET with <see cref="Body"/>, which a test rewrites as
/// pw_brancher would.</summary>
internal sealed class NipaBranchServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NipaBranchServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Body { get; set; } = "[]";

    public string Url { get; }

    public int Requests;

    public static async Task<NipaBranchServer> StartAsync(string body)
    {
        var port = FreePort.BasePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new NipaBranchServer(app, $"http://127.0.0.1:{port}/branches.json") { Body = body };
        app.MapMethods("/branches.json", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) =>
        {
            Interlocked.Increment(ref server.Requests);
            return Results.Text(server.Body, "application/json");
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>A pw_brancher entry: every field a string, `url` the git URL, a space and the branch.</summary>
    public static string Entry(string branch, string date, string gitUrl) =>
        $$"""{"branch": "{{branch}}", "date": "{{date}}", "base": "5f1c2e0d9a7b3c4e8f6a1b2c3d4e5f60718293a4", "url": "{{gitUrl}} {{branch}}"}""";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
