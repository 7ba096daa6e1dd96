using KernelCI.Pipeline.Labs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Api;

/// <summary>The pipeline API of upstream's lava-callback: developer requests /api/checkout, /api/patchset and
/// /api/jobretry, and the lab view /api/labs (docs/pipeline/api.md, docs/labs.md; kernelci/kernelci-pipeline:src/lava_callback.py). One route group per
/// permission; failures of every endpoint go through <see cref="ApiErrors"/>.</summary>
internal static class PipelineApi
{
    /// <summary>The API's services: token authentication and a policy per permission.</summary>
    public static IServiceCollection AddPipelineApi(this IServiceCollection services) => services.AddPipelineAuth().AddLabView();

    public static void MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<PipelineOptions>().Api;
        var api = endpoints.MapGroup("/api").AddEndpointFilter(ApiErrors.FilterAsync).DisableAntiforgery();
        // Only /api/patchset carries inline patches; the other bodies are a few short fields.
        var small = new ApiBodyLimit(options.MaxBodyBytes, options.BodyTimeout);
        api.MapGroup("/checkout").RequirePermission("checkout").MapPost("", CheckoutEndpoint.HandleAsync).WithMetadata(small);
        api.MapGroup("/patchset").RequirePermission("patchset").MapPost("", PatchsetEndpoint.HandleAsync)
            .WithMetadata(new ApiBodyLimit(options.MaxPatchsetBodyBytes, options.BodyTimeout));
        api.MapGroup("/jobretry").RequirePermission("testretry").MapPost("", JobRetryEndpoint.HandleAsync).WithMetadata(small);
        // Reads need a valid token and no permission (docs/labs.md, the lab view).
        var labs = api.MapGroup("/labs").RequireAuthorization(PipelineAuth.ReadPolicy);
        labs.MapGet("", LabEndpoints.ListAsync);
        labs.MapGet("/{name}", LabEndpoints.GetAsync);
    }
}
