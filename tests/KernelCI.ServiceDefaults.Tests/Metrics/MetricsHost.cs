using System.Diagnostics.Metrics;
using KernelCI.ServiceDefaults.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.ServiceDefaults.Tests.Metrics;

/// <summary>A listener with only `/metrics`, on a test server, and a meter made by its own IMeterFactory.</summary>
internal sealed class MetricsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsHost(WebApplication app, HttpClient client, Meter meter)
    {
        _app = app;
        Client = client;
        Meter = meter;
    }

    public HttpClient Client { get; }

    public Meter Meter { get; }

    public static async Task<MetricsHost> StartAsync(string meterName = "KernelCI.Test")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.AddComponentMetrics();
        var app = builder.Build();
        app.MapComponentMetrics();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var meter = app.Services.GetRequiredService<IMeterFactory>().Create(meterName);
        return new MetricsHost(app, app.GetTestClient(), meter);
    }

    public Task<string> ScrapeAsync() => Client.GetStringAsync(ComponentMetrics.Path, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
