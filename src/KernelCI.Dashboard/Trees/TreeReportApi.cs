using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Regressions;
using KernelCI.Dashboard.Trees.Report;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Trees;

/// <summary>`GET tree-report` (kernelci/dashboard:backend/kernelCI_app/views/treeReportView.py): a tree's newest
/// checkout in an age window, its counts, the build issues, and its test histories sorted by
/// <see cref="TreeRegressions"/> (docs/dashboard-api.md, "Tree report, compare and status history").</summary>
internal static class TreeReportApi
{
    public const string NotFound = "Tree not found in the given interval";

    public static RouteGroupBuilder MapTreeReport(this RouteGroupBuilder api)
    {
        api.MapGet("/tree-report", GetAsync)
            .WithSummary("A tree's newest checkout with possible regressions, fixed regressions and unstable tests (kci-dev results tree-report)");
        return api;
    }

    private static async Task<IResult> GetAsync(HttpRequest http, DashboardDb db, DashboardOptions options, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var request = TreeReportRequest.From(http.Query);
        var now = clock.GetUtcNow();
        var since = now.AddHours(-request.MaxAgeInHours);
        await using var connection = await db.OpenAsync(cancellationToken);
        var checkout = await TreeReportQuery.CheckoutAsync(connection, db, request, since, now.AddHours(-request.MinAgeInHours), cancellationToken);
        if (checkout is null)
        {
            return Replies.UpstreamNotFound(NotFound);
        }

        var started = clock.GetTimestamp();
        var runs = await TreeReportQuery.HistoriesAsync(connection, db, request, checkout.CommitHash, since, cancellationToken);
        var regressions = TreeRegressions.Evaluate(runs);
        var issues = await TreeReportQuery.BuildIssuesAsync(connection, db, checkout.Id, cancellationToken);
        ReportLog.TreeReportRead(loggers.CreateLogger(typeof(TreeReportApi)), request.GitUrl, request.GitBranch, checkout.CommitHash, runs.Count,
            clock.GetElapsedTime(started).TotalMilliseconds);

        return TypedResults.Json(new TreeReportResponse(
            DashboardUrl(options, http, checkout, request.Origin),
            request.GitUrl,
            checkout.GitRepositoryBranch,
            checkout.CommitHash,
            request.Origin,
            DashboardSql.FormatTime(checkout.StartTime),
            checkout.Builds,
            TestStatusCount.From(checkout.Boots),
            TestStatusCount.From(checkout.Tests),
            regressions.PossibleRegressions,
            regressions.FixedRegressions,
            regressions.UnstableTests,
            new TreeReportIssues(issues)));
    }

    /// <summary>The checkout's page on the web dashboard: Dashboard:PublicUrl, or this listener as the request reached
    /// it. Upstream always links https://d.kernelci.org, and for a tree without a name spreads the query over
    /// several lines; ours is one line.</summary>
    internal static string DashboardUrl(DashboardOptions options, HttpRequest http, ReportedCheckout checkout, string origin)
    {
        var root = options.PublicUrl.Length > 0 ? options.PublicUrl.TrimEnd('/') : $"{http.Scheme}://{http.Host}";
        if (!string.IsNullOrEmpty(checkout.TreeName) && !string.IsNullOrEmpty(checkout.GitRepositoryBranch))
        {
            return $"{root}/tree/{checkout.TreeName}/{checkout.GitRepositoryBranch}/{checkout.CommitHash}?o={origin}";
        }

        return $"{root}/tree/{checkout.CommitHash}?ti%7Cc={checkout.CommitName}&ti%7Cch={checkout.CommitHash}&ti%7Cgb={checkout.GitRepositoryBranch}"
            + $"&ti%7Cgu={Uri.EscapeDataString(checkout.GitRepositoryUrl ?? "")}&ti%7Ct={checkout.TreeName}&o={origin}";
    }
}
