using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Api;

/// <summary>The pipeline API of upstream's lava-callback: developer requests /api/checkout, /api/patchset and
/// /api/jobretry (maestro-pipeline.md §6, kci-dev.md §2.1).</summary>
internal static class PipelineApi
{
    public static void MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<PipelineOptions>().Api.Validated();
        // Only /api/patchset carries inline patches; the other bodies are a few short fields.
        Map(endpoints, "/api/checkout", CheckoutEndpoint.HandleAsync, new ApiBodyLimit(options.MaxBodyBytes, options.BodyTimeout));
        Map(endpoints, "/api/patchset", PatchsetEndpoint.HandleAsync, new ApiBodyLimit(options.MaxPatchsetBodyBytes, options.BodyTimeout));
        Map(endpoints, "/api/jobretry", JobRetryEndpoint.HandleAsync, new ApiBodyLimit(options.MaxBodyBytes, options.BodyTimeout));
    }

    private static void Map(IEndpointRouteBuilder endpoints, string pattern, Func<HttpContext, Task<IResult>> handle, ApiBodyLimit limit)
    {
        Func<HttpContext, Task<IResult>> handler = http => RunAsync(http, handle);
        endpoints.MapPost(pattern, handler).DisableAntiforgery().WithMetadata(limit);
    }

    private static async Task<IResult> RunAsync(HttpContext http, Func<HttpContext, Task<IResult>> handle)
    {
        try
        {
            return await handle(http);
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            var (status, message) = ApiErrors.Map(e, http) ?? throw new InvalidOperationException("unexpected failure of the pipeline API", e);
            return ApiReply.Message(message, status);
        }
    }
}
