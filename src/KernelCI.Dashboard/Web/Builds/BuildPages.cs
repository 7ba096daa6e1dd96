using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Builds;

/// <summary>`/build/{id}` (upstream's build details: kernelci/dashboard:dashboard/src/routes/_main/build/$buildId,
/// dashboard.md §2.2). The id is one escaped path segment; ids keep their ':' (`maestro:…`).</summary>
internal static class BuildPages
{
    public static RouteGroupBuilder MapBuildPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/build/{id}", BuildAsync);
        return pages;
    }

    private static async Task<IResult> BuildAsync(string id, HttpContext http, DashboardDb db, ILogger<BuildDetailsView> logger,
        CancellationToken cancellationToken)
    {
        var buildId = DetailsLinks.IdFrom(id);
        if (await BuildDetailsReader.ReadAsync(db, http, buildId, cancellationToken) is { } view)
        {
            return PageResults.Page<BuildDetailsPage>(view);
        }

        DetailsLog.BuildNotFound(logger, buildId);
        return PageResults.NotFound($"No build with id {buildId}.");
    }
}
