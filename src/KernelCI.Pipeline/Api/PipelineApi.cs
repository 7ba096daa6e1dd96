using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Pipeline.Api;

/// <summary>The pipeline API of upstream's lava-callback: developer requests /api/checkout, /api/patchset and
/// /api/jobretry (maestro-pipeline.md §6, kci-dev.md §2.1).</summary>
internal static class PipelineApi
{
    public static void MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, "/api/checkout", CheckoutEndpoint.HandleAsync);
        Map(endpoints, "/api/patchset", PatchsetEndpoint.HandleAsync);
        Map(endpoints, "/api/jobretry", JobRetryEndpoint.HandleAsync);
    }

    private static void Map(IEndpointRouteBuilder endpoints, string pattern, Func<HttpContext, Task<IResult>> handle)
    {
        Func<HttpContext, Task<IResult>> handler = http => RunAsync(http, handle);
        endpoints.MapPost(pattern, handler).DisableAntiforgery();
    }

    private static async Task<IResult> RunAsync(HttpContext http, Func<HttpContext, Task<IResult>> handle)
    {
        try
        {
            return await handle(http);
        }
        catch (ApiException e)
        {
            return ApiReply.Message(e.Message, e.Status);
        }
    }
}
