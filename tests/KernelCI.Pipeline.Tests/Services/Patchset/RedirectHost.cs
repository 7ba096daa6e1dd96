using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Pipeline.Tests.Services.Patchset;

/// <summary>A patch host whose every path answers 302 to one target.</summary>
internal sealed class RedirectHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RedirectHost(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    public string Origin { get; }

    public static async Task<RedirectHost> StartAsync(string target)
    {
        var origin = $"http://127.0.0.1:{KernelCI.Testing.FreePort.BasePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(origin);
        var app = builder.Build();
        app.Run(http =>
        {
            http.Response.Redirect(target);
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return new RedirectHost(app, origin);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
