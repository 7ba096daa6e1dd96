using System.Globalization;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Details;
using KernelCI.Dashboard.Regressions;
using KernelCI.Dashboard.Web.Builds;
using KernelCI.Dashboard.Web.Trees;

namespace KernelCI.Dashboard.Web.TestResults;

/// <summary>Reads a test's page through the queries of `test/{id}`, `test/{id}/issues` and `test/status-history`
/// (DetailsQueries, StatusHistoryQuery, RegressionClassifier: docs/dashboard-api.md, "Builds and tests" and "Tree
/// report, compare and status history").</summary>
internal static class TestDetailsReader
{
    public static async Task<TestDetailsView?> ReadAsync(DashboardDb db, string id, CancellationToken cancellationToken)
    {
        if (await DetailsQueries.TestAsync(db, id, cancellationToken) is not { } test)
        {
            return null;
        }

        var issues = await DetailsQueries.IssuesAsync(db, "tests", id, cancellationToken);
        var history = await HistoryAsync(db, test, cancellationToken);
        var platform = DetailsText.Field(test.EnvironmentMisc, "platform");
        List<ArtifactLink> logs = test.LogUrl is { } log ? [new ArtifactLink("Test log", log, DetailsLinks.LogViewer(log))] : [];
        var checkout = new BuildCheckout(test.TreeName, test.GitRepositoryBranch, test.GitCommitHash, null, test.GitCommitTags ?? [],
            test.GitRepositoryUrl, test.Origin, DetailsLinks.Tree(test.TreeName, test.GitRepositoryBranch, test.GitCommitHash, test.Origin));
        // kci-dev has `results boot` for boots and `results test` for the rest, as upstream's footer picks (TestDetails.tsx).
        var command = test.Path?.StartsWith("boot", StringComparison.Ordinal) == true ? "boot" : "test";
        return new TestDetailsView(test.Id, test.Path ?? test.Id, test.Status, test.BuildId, TreeUrls.Build(test.BuildId),
            string.Join(" • ", new[] { test.ConfigName, test.Architecture, test.Compiler }.Where(s => s is not null)), checkout,
            platform, platform is null ? null : DetailsLinks.Hardware(platform), test.EnvironmentCompatible ?? [], test.Architecture,
            test.Compiler, test.ConfigName, test.TestOrigin, DetailsText.Field(test.Misc, "lab"), DetailsText.Field(test.Misc, "runtime"),
            test.StartTime, DetailsText.Duration(test.Duration), DetailsText.Json(test.EnvironmentMisc), DetailsText.Json(test.Misc), logs,
            Artifacts.From(test.InputFiles), Artifacts.From(test.OutputFiles), test.LogExcerpt,
            issues.Select(i => new IssueCount(i.Id, i.Version, i.Comment, i.ReportUrl, i.IncidentsInfo.Total)).ToList(), history,
            $"kci-dev results {command} --id {test.Id}");
    }

    /// <summary>The same test (path, config, platform) on the same tree and branch, up to this run: the request
    /// upstream's page sends to test/status-history (TestDetails.tsx, statusHistoryParams), which needs all of path,
    /// origin, repository, branch and config.</summary>
    private static async Task<StatusHistoryView> HistoryAsync(DashboardDb db, TestDetails test, CancellationToken cancellationToken)
    {
        if (test is not { Path: { } path, Origin: { } origin, GitRepositoryUrl: { } url, GitRepositoryBranch: { } branch, ConfigName: { } config })
        {
            return new StatusHistoryView([], null, "No history: the test lacks a path, tree, branch or config to follow it by.");
        }

        var request = new StatusHistoryRequest(path, origin, url, branch, config, DetailsText.Field(test.EnvironmentMisc, "platform"),
            Time(test.StartTime), Time(test.FieldTimestamp), StatusHistoryRequest.DefaultGroupSize);
        var runs = await StatusHistoryQuery.ReadAsync(db, request, cancellationToken);
        if (runs.Count == 0)
        {
            return new StatusHistoryView([], null, "No earlier runs found.");
        }

        var type = RegressionClassifier.Classify(runs.Select(r => (string?)r.Status).ToArray());
        var cells = runs.Reverse().Select(r => new HistoryCell(r.Id, DetailsLinks.Test(r.Id), r.Status, r.GitCommitHash, r.StartTime, r.Id == test.Id));
        return new StatusHistoryView(cells.ToList(), type.Name(), null);
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
