using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Details;

/// <summary>test/{id} and test/{id}/issues (kernelci/dashboard: backend/kernelCI_app/views/testDetailsView.py,
/// testIssuesView.py; docs/dashboard-api.md, "Builds and tests"). `test/status-history` is a literal route of its own
/// and wins over `test/{id}`.</summary>
internal static class TestsApi
{
    public const string TestNotFound = "Test not found";

    /// <summary>Upstream's text, which kci-dev matches exactly (kcidev/subcommands/results/__init__.py).</summary>
    public const string NoIssues = "No issues were found for this test";

    public static RouteGroupBuilder MapTests(this RouteGroupBuilder api)
    {
        api.MapGet("/test/{id}", DetailsAsync).WithSummary("A test with its build and checkout (upstream: test/{id})");
        api.MapGet("/test/{id}/issues", IssuesAsync).WithSummary("The issues of a test's incidents (upstream: test/{id}/issues)");
        return api;
    }

    private static async Task<IResult> DetailsAsync(string id, DashboardDb db, CancellationToken cancellationToken) =>
        await DetailsQueries.TestAsync(db, id, cancellationToken) is { } test
            ? TypedResults.Json(test)
            : Replies.UpstreamNotFound(TestNotFound);

    private static async Task<IResult> IssuesAsync(string id, DashboardDb db, CancellationToken cancellationToken)
    {
        var issues = await DetailsQueries.IssuesAsync(db, "tests", id, cancellationToken);
        return issues.Count == 0 ? Replies.UpstreamNotFound(NoIssues) : TypedResults.Json(issues);
    }
}
