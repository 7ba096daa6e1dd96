using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.KciDev.Mcp;

/// <summary>Runs the server of <see cref="KciDevMcpServer"/> on one transport until the client goes away (stdio) or
/// the command is cancelled (Ctrl+C). Both hosts are built empty: no appsettings.json or environment configuration is
/// read from wherever kci-dev happens to run.</summary>
internal static class McpHosting
{
    /// <summary>Where the streamable HTTP endpoint is, as upstream's FastMCP serves it.</summary>
    public const string HttpPath = "/mcp";

    public static async Task RunStdioAsync(Stream input, Stream output, McpSettings settings, McpServices services, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        Configure(builder.Logging, services);
        builder.Services.AddKciDevMcp(settings, services.HttpClient, services.Time).WithStreamServerTransport(input, output);
        using var host = builder.Build();
        McpLog.Starting(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KernelCI.KciDev.Mcp"), "stdio", settings.DashboardApi,
            settings.HasMaestro, settings.HasPipeline);
        await host.RunAsync(cancellationToken);
    }

    /// <summary>Streamable HTTP on <paramref name="host"/>:<paramref name="port"/> (port 0: any free one);
    /// <paramref name="started"/> gets the endpoint's URL once it listens.</summary>
    public static async Task RunHttpAsync(string host, int port, McpSettings settings, McpServices services, Func<Uri, Task> started,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls($"http://{UrlHost(host)}:{port}");
        builder.Services.AddRoutingCore();
        Configure(builder.Logging, services);
        // Stateless: every POST is a whole exchange, so no session outlives a request and nothing needs cleaning up.
        builder.Services.AddKciDevMcp(settings, services.HttpClient, services.Time).WithHttpTransport(options => options.Stateless = true);
        await using var app = builder.Build();
        app.UseRouting();
        app.MapMcp(HttpPath);
        await app.StartAsync(cancellationToken);
        var address = new Uri(new Uri(app.Urls.First()), HttpPath);
        McpLog.Starting(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KernelCI.KciDev.Mcp"), address.ToString(),
            settings.DashboardApi, settings.HasMaestro, settings.HasPipeline);
        await started(address);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    private static void Configure(ILoggingBuilder logging, McpServices services)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(services.LogLevel);
        if (services.LogLevel > LogLevel.Information)
        {
            // Without --debug, the host's own failure lines (a port in use) would repeat the one line kci-dev prints.
            logging.AddFilter("Microsoft", LogLevel.None);
        }

        logging.AddProvider(new WriterLoggerProvider(services.Log, services.LogLevel));
    }

    private static string UrlHost(string host) =>
        IPAddress.TryParse(host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
}
