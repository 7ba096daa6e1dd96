using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Web.Builds;
using KernelCI.Dashboard.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.TestResults;

/// <summary>`/test/{id}` (upstream's test details: kernelci/dashboard:dashboard/src/routes/_main/test/$testId,
/// dashboard.md §2.2). The page takes no parameters; the id is one escaped path segment.</summary>
internal static class TestPages
{
    public static RouteGroupBuilder MapTestPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/test/{id}", TestAsync);
        return pages;
    }

    private static async Task<IResult> TestAsync(string id, DashboardDb db, ILogger<TestDetailsView> logger, CancellationToken cancellationToken)
    {
        var testId = DetailsLinks.IdFrom(id);
        if (await TestDetailsReader.ReadAsync(db, testId, cancellationToken) is { } view)
        {
            return PageResults.Page<TestDetailsPage>(view);
        }

        DetailsLog.TestNotFound(logger, testId);
        return PageResults.NotFound($"No test with id {testId}.");
    }
}
