using KernelCI.Data;
using KernelCI.Pipeline.Api;
using KernelCI.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>The LAVA callback: its lab-token scheme, the durable store in <paramref name="database"/> (the
/// deployment's, through <see cref="LavaCallbackMigrations"/>), the worker, and the `POST /node/{id}` route.</summary>
internal static class LavaCallbackRegistration
{
    public static IServiceCollection AddLavaCallbacks(this IServiceCollection services, Database database)
    {
        services.AddComponentAuthentication<AuthenticationSchemeOptions, LabTokenHandler>(LabTokenHandler.SchemeName)
            .AddSchemePolicy(LabTokenHandler.Policy, LabTokenHandler.SchemeName);
        services.AddSingleton<LabTokens>();
        services.AddSingleton(sp => new LavaCallbackStore(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CallbackSignal>();
        services.AddSingleton<CallbackArtifacts>();
        services.AddSingleton<CallbackProcessor>();
        services.AddSingleton<CallbackWorker>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CallbackWorker>());
        return services;
    }

    public static void MapLavaCallback(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<PipelineOptions>().Api;
        endpoints.MapGroup("/node").AddEndpointFilter(ApiErrors.FilterAsync).DisableAntiforgery()
            .RequireAuthorization(LabTokenHandler.Policy)
            .MapPost("/{id}", LavaCallbackEndpoint.HandleAsync)
            .WithMetadata(new ApiBodyLimit(options.MaxCallbackBodyBytes, options.BodyTimeout));
    }
}
