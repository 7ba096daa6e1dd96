using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace KernelCI.ServiceDefaults.Metrics;

/// <summary>
/// `/metrics` of one listener: the instruments of the `KernelCI.*` meters made by this app's own IMeterFactory,
/// in the Prometheus text format, by OpenTelemetry's exporter (docs/configuration.md, "Metrics").
/// </summary>
public static class ComponentMetrics
{
    /// <summary>The prefix of every component's meter name (`KernelCI.Kcidb`, `KernelCI.Maestro`, ...).</summary>
    public const string MeterPrefix = "KernelCI";

    public const string Path = "/metrics";

    /// <summary>The classic Prometheus text format, whatever the scraper asks for, as before the exporter.</summary>
    public const string ContentType = "text/plain; version=0.0.4";

    public static void AddComponentMetrics(this WebApplicationBuilder builder)
    {
        // MeterScope.Local: only meters made by this app's IMeterFactory, never those of another app in the process
        // (`serve` runs every component in one process, and tests run many hosts in one).
        builder.Metrics.EnableMetrics(MeterPrefix, instrumentName: null, listenerName: "OpenTelemetry", scopes: MeterScope.Local);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter(Configure));
    }

    /// <summary>GET only, as a MapGet endpoint: any other method gets 405 from routing.</summary>
    public static IEndpointConventionBuilder MapComponentMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, branch => branch.Use(ScrapeAsync), optionsName: null)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));

    // Runs before the exporter in its branch.
    private static async Task ScrapeAsync(HttpContext context, RequestDelegate exporter)
    {
        context.Request.Headers.Accept = ContentType;
        var body = context.Response.Body;
        using var text = new MemoryStream();
        context.Response.Body = text;
        try
        {
            await exporter(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            context.Response.ContentType = ContentType;
        }

        var length = PrometheusText.DropEmptyLabelSets(text.GetBuffer().AsSpan(0, (int)text.Length));
        await body.WriteAsync(text.GetBuffer().AsMemory(0, length), context.RequestAborted);
    }

    // Instrument names are the Prometheus names as operators know them: nothing added or renamed.
    private static void Configure(PrometheusAspNetCoreOptions options)
    {
        options.TranslationStrategy = PrometheusAspNetCoreTranslationStrategy.UnderscoreEscapingWithoutSuffixes;
        options.DisableTotalNameSuffixForCounters = true;
        options.ScopeInfoEnabled = false;
        options.TargetInfoEnabled = false;
        // Every scrape reads the values of that moment (benchmarks poll /metrics every 250 ms).
        options.ScrapeResponseCacheDurationMilliseconds = 0;
    }
}
