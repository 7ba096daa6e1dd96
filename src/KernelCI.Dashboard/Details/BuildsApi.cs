using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Details;

/// <summary>build/{id}, build/{id}/tests and build/{id}/issues (kernelci/dashboard: backend/kernelCI_app/views/
/// buildDetailsView.py, buildTestsView.py, buildIssuesView.py; docs/dashboard-api.md, "Builds and tests"). Nothing
/// found is HTTP 200 with an `error`, as upstream.</summary>
internal static class BuildsApi
{
    public const string BuildNotFound = "Build not found";
    public const string NoTests = "No tests found for this build";

    /// <summary>The text kci-dev's `issues detect --builds --id` matches exactly (kernelci/kci-dev:
    /// kcidev/subcommands/results/__init__.py); upstream's own says "No issues found for this build", which that
    /// command does not recognise. Both contain "No issues", which `results issues --missing` looks for.</summary>
    public const string NoIssues = "No issues were found for this build";

    /// <summary>The fields build/{id}/tests sorts by; the build page's table sorts by the same.</summary>
    internal static readonly string[] TestSortable = ["start_time", "id", "status", "duration", "path"];

    public static RouteGroupBuilder MapBuilds(this RouteGroupBuilder api)
    {
        api.MapGet("/build/{id}", DetailsAsync).WithSummary("A build with its checkout (upstream: build/{id})");
        api.MapGet("/build/{id}/tests", TestsAsync).WithSummary("A build's tests (upstream: build/{id}/tests)");
        api.MapGet("/build/{id}/issues", IssuesAsync).WithSummary("The issues of a build's incidents (upstream: build/{id}/issues)");
        return api;
    }

    private static async Task<IResult> DetailsAsync(string id, DashboardDb db, CancellationToken cancellationToken) =>
        await DetailsQueries.BuildAsync(db, id, cancellationToken) is { } build
            ? TypedResults.Json(build)
            : Replies.UpstreamNotFound(BuildNotFound);

    private static async Task<IResult> TestsAsync(string id, HttpContext http, DashboardDb db, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(http.Request.Query, TestSortable);
        var tests = await DetailsQueries.BuildTestsAsync(db, id, cancellationToken);
        if (tests.Count == 0)
        {
            return Replies.UpstreamNotFound(NoTests);
        }

        return TypedResults.Json(Paging.Apply(http, tests, page, SortValue, t => t.Id, out _));
    }

    private static async Task<IResult> IssuesAsync(string id, DashboardDb db, CancellationToken cancellationToken)
    {
        var issues = await DetailsQueries.IssuesAsync(db, "builds", id, cancellationToken);
        return issues.Count == 0 ? Replies.UpstreamNotFound(NoIssues) : TypedResults.Json(issues);
    }

    internal static object? SortValue(BuildTest test, string field) => field switch
    {
        "start_time" => test.StartTime,
        "status" => test.Status,
        "duration" => test.Duration,
        "path" => test.Path,
        _ => test.Id,
    };
}
