using KernelCI.ServiceDefaults.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KernelCI.ServiceDefaults;

/// <summary>Builds one WebApplication per component with what every listener shares: /health, /metrics, OpenAPI, ProblemDetails.</summary>
public static class ComponentApp
{
    public static WebApplication Build(IComponent component, HostContext context, Action<WebApplicationBuilder> configureHost)
    {
        // `serve` has made every component's secrets already; a host of one component (tests, benchmarks) makes its own.
        context.Secrets.Ensure(component.Secrets);
        // The default content root is the working directory, and the default appsettings.json source watches it,
        // subdirectories included, for changes: `./run.sh` keeps its data folder (SQLite, storage, builds) below the
        // working directory, so every write there woke one watcher per component. Settings come from `--config` and
        // the environment (docs/configuration.md), never from appsettings.json, so nothing is watched.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "KernelCI." + component.Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddKernelCiConsole();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(context);
        // A component with a database of its own (KCIDB on the embedded SQLite) must see only that one.
        builder.Services.AddSingleton(context.DatabaseFor(component.Name));
        builder.Services.AddSingleton(context.Secrets);
        builder.Services.AddSingleton(context.TimeProvider);
        builder.AddComponentMetrics();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddRoutingCore();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        configureHost(builder);
        component.ConfigureServices(builder, context);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        component.UseMiddleware(app);
        app.MapOpenApi("/openapi.json");
        app.MapGet("/health", () => TypedResults.Text("OK")).ExcludeFromDescription();
        app.MapComponentMetrics().ExcludeFromDescription();
        component.MapEndpoints(app);
        return app;
    }
}
