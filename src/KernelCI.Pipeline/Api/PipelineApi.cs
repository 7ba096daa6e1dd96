using Microsoft.AspNetCore.Routing;

namespace KernelCI.Pipeline.Api;

/// <summary>The pipeline API of upstream's lava-callback: developer requests /api/checkout, /api/patchset and
/// /api/jobretry (maestro-pipeline.md §6, kci-dev.md §2.1).</summary>
internal static class PipelineApi
{
    public static void MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
    }
}
