using KernelCI.Data;
using KernelCI.Pipeline.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The pull labs' API: their claims in <paramref name="database"/> and the `/api/pull/{lab}` routes, behind
/// the callback's lab-token scheme (registered by <see cref="Lava.Callback.LavaCallbackRegistration"/>). Results come
/// back through the callback route, POST /node/{id}.</summary>
internal static class PullLabRegistration
{
    public static IServiceCollection AddPullLabs(this IServiceCollection services, Database database)
    {
        services.AddSingleton(sp => new PullClaimStore(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PullLeases>();
        services.AddHostedService(sp => sp.GetRequiredService<PullLeases>());
        services.AddSingleton<PullJobs>();
        services.AddSingleton<PullResults>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Labs.ILabKind, PullLabKind>());
        return services;
    }

    public static void MapPullLabs(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<PipelineOptions>().Api;
        var small = new ApiBodyLimit(options.MaxBodyBytes, options.BodyTimeout);
        var group = endpoints.MapGroup("/api/pull/{lab}").AddEndpointFilter(ApiErrors.FilterAsync).DisableAntiforgery()
            .RequireAuthorization(LabTokenHandler.Policy);
        group.MapGet("/jobs", PullLabApi.ListAsync);
        group.MapPost("/claim", PullLabApi.ClaimNextAsync).WithMetadata(small);
        group.MapPost("/jobs/{id}/claim", PullLabApi.ClaimAsync).WithMetadata(small);
        group.MapPost("/jobs/{id}/progress", PullLabApi.ProgressAsync).WithMetadata(small);
        group.MapGet("/jobs/{id}/definition", PullLabApi.DefinitionAsync);
    }
}
