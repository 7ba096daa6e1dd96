using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>`GET /health/patchwork` on the pipeline listener: each followed project's state ("ok", "failing" with the
/// error and the next attempt, "starting"); 503 while one fails, so a probe sees it. Public, as /health is: it names
/// the projects and Patchwork's error, never a token.</summary>
internal static class PatchworkHealthApi
{
    public static void MapPatchworkHealth(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<PatchworkHealth>() is null)
        {
            return;
        }

        endpoints.MapGet("/health/patchwork", Get).WithSummary("The followed Patchwork projects and whether each answers");
    }

    private static Results<Ok<PatchworkHealthReply>, JsonHttpResult<PatchworkHealthReply>> Get(PatchworkHealth health)
    {
        var projects = health.Projects;
        var reply = new PatchworkHealthReply(projects.Any(p => p.State == "failing") ? "failing" : "ok", projects);
        return reply.Status == "ok" ? TypedResults.Ok(reply) : TypedResults.Json(reply, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
