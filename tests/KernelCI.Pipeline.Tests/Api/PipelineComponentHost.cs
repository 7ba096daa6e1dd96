using KernelCI.ServiceDefaults;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>The pipeline component as `serve` builds it, on a port of its own over a test stack, with the demo's
/// scheduler (so the API's checkouts are ones the pipeline would build) and only the send-kcidb service running.</summary>
internal sealed class PipelineComponentHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PipelineComponentHost(WebApplication app, string url)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public HttpClient Http { get; }

    public static async Task<PipelineComponentHost> StartAsync(PipelineTestStack stack, Func<PipelineOptions, PipelineOptions>? configure = null)
    {
        var url = $"http://127.0.0.1:{FreePort.BasePort()}/";
        // As `serve` does before building the component: its callback store needs its table.
        await KernelCI.Data.Migrator.ApplyAsync(stack.Database, new PipelineComponent().Migrations, TestContext.Current.CancellationToken);
        var options = stack.Options with
        {
            Services = ["send-kcidb"],
            ConfigDirectory = PipelineDemoConfig.WriteDirectory(stack.DataDirectory, "https://git.example.org/linux.git"),
        };
        var app = ComponentApp.Build(new PipelineComponent(configure?.Invoke(options) ?? options), stack.Context, b => b.WebHost.UseUrls(url));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new PipelineComponentHost(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
