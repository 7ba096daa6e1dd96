using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Details;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Builds;

/// <summary>Reads a build's page through the queries of `build/{id}`, `build/{id}/tests` and `build/{id}/issues`
/// (DetailsQueries: docs/dashboard-api.md, "Builds and tests"), paging and sorting the tests as the API does.</summary>
internal static class BuildDetailsReader
{

    public static async Task<BuildDetailsView?> ReadAsync(DashboardDb db, HttpContext http, string id, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var status = TableStatus.From(query);
        // Failures first unless the URL asks otherwise, as the tree page's builds: statuses sort ERROR, FAIL, … PASS.
        var page = PagePaging.From(query, BuildsApi.TestSortable, "status");
        if (await DetailsQueries.BuildAsync(db, id, cancellationToken) is not { } build)
        {
            return null;
        }

        var tests = await DetailsQueries.BuildTestsAsync(db, id, cancellationToken);
        var matching = tests.Where(t => TableStatus.Matches(status, t.Status)).ToList();
        var shown = Paging.Apply(http, matching, page, BuildsApi.SortValue, t => t.Id, out var next);
        var issues = await DetailsQueries.IssuesAsync(db, "builds", id, cancellationToken);
        var outputs = Artifacts.From(build.OutputFiles);
        var table = new BuildTestsTable(Tally(tests.Select(t => t.Status)), status, page.Limit!.Value, next, matching.Count,
            shown.Select(Row).ToList());
        return new BuildDetailsView(PageLink.From(TreeUrls.Build(id), query), build.Id, Title(build), build.Status,
            new BuildCheckout(build.TreeName, build.GitRepositoryBranch, build.GitCommitHash, build.GitCommitName, build.GitCommitTags ?? [],
                build.GitRepositoryUrl, build.Origin, DetailsLinks.Tree(build.TreeName, build.GitRepositoryBranch, build.GitCommitHash, build.Origin)),
            build.ConfigName, build.Architecture, build.Compiler, build.StartTime, DetailsText.Duration(build.Duration), build.BuildOrigin,
            DetailsText.Field(build.Misc, "lab"), build.Command, build.Comment, KeyArtifacts(build, outputs), Artifacts.From(build.InputFiles),
            outputs, build.LogExcerpt, DetailsText.Json(build.Misc), table,
            issues.Select(i => new IssueCount(i.Id, i.Version, i.Comment, i.ReportUrl, i.IncidentsInfo.Total)).ToList(),
            "kci-dev results build --id " + build.Id);
    }

    // Upstream's title: the commit's describe and the config (BuildDetails.tsx, buildDetailsTitle).
    private static string Title(BuildDetails build) =>
        string.Join(" • ", new[] { build.GitCommitName, build.ConfigName }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>The files people look for first: the kernel config, the log, the kernel image and the modules.</summary>
    private static List<ArtifactLink> KeyArtifacts(BuildDetails build, IReadOnlyList<ArtifactLink> outputs)
    {
        var links = new List<ArtifactLink>();
        if (build.ConfigUrl is { } config)
        {
            links.Add(new ArtifactLink("Kernel config", config, null));
        }

        if (build.LogUrl is { } log)
        {
            links.Add(new ArtifactLink("Build log", log, DetailsLinks.LogViewer(log)));
        }

        if (Artifacts.Find(outputs, "kernel", "Image", "bzImage", "zImage", "vmlinux", "uImage") is { } kernel)
        {
            links.Add(kernel with { Name = "Kernel image (" + kernel.Name + ")" });
        }

        if (Artifacts.Find(outputs, "modules") is { } modules)
        {
            links.Add(modules with { Name = "Modules (" + modules.Name + ")" });
        }

        return links;
    }

    private static BuildTestRow Row(BuildTest test) => new(test.Id, test.Path ?? test.Id, test.Status, test.StartTime,
        DetailsText.Duration(test.Duration), DetailsText.Field(test.EnvironmentMisc, "platform") ?? test.EnvironmentCompatible?.FirstOrDefault(),
        test.Lab, DetailsLinks.Test(test.Id));

    private static StatusTally Tally(IEnumerable<string> statuses)
    {
        var list = statuses.ToList();
        var pass = list.Count(s => s == "PASS");
        var fail = list.Count(s => s == "FAIL");
        return new StatusTally(pass, fail, list.Count - pass - fail);
    }
}
