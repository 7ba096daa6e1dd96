using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.KciDev;
using KernelCI.Dashboard.Tests.Regressions;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

/// <summary>Upstream's kci-dev `results tree-report --json` against the seeded tree (kestrel listener).</summary>
public sealed class ReportKciDevTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_tree_report_prints_the_seeded_report(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind, kestrel: true);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var report = await RunAsync(app);

        Assert.Equal(seed.Hash(3), (string)report["commit_hash"]!);
        Assert.StartsWith(app.Client.BaseAddress!.ToString().TrimEnd('/') + "/tree/mainline/master/", (string)report["dashboard_url"]!);
        Assert.Equal(1, (int)report["build_status_summary"]!["FAIL"]!);
        Assert.Equal(3, (int)report["test_status_summary"]!["fail_count"]!);
        Assert.Equal(["kselftest.regress"], ReportApiTests.Paths(report["possible_regressions"]));
        Assert.Equal(["kselftest.fixed"], ReportApiTests.Paths(report["fixed_regressions"]));
        Assert.Equal(["kselftest.flaky", "kselftest.skipped"], ReportApiTests.Paths(report["unstable_tests"]));
        Assert.Equal(["maestro:issue1", "maestro:issue2"], report["issues"]!["builds"]!.AsArray().Select(i => (string)i!["issue_id"]!));
    }

    [Fact]
    public async Task Kci_dev_passes_paths_history_size_and_ages()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var shorter = await RunAsync(app, "--history-size", "2", "--path", "kselftest.f%");
        var older = await RunAsync(app, "--min-age", "6", "--max-age", "48");

        Assert.Equal(["kselftest.fixed", "kselftest.flaky"], ReportApiTests.Paths(shorter["fixed_regressions"]));
        Assert.Empty(shorter["unstable_tests"]!.AsObject());
        Assert.Equal(seed.Hash(2), (string)older["commit_hash"]!);
        Assert.Equal(["kselftest.flaky"], ReportApiTests.Paths(older["possible_regressions"]));
    }

    [Fact]
    public async Task Kci_dev_prints_the_text_report()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);
        using var kciDev = new KciDevClient(app.ApiUrl);

        var result = await kciDev.RunAsync("results", "tree-report", "--giturl", ReportSeed.GitUrl, "--branch", ReportSeed.Branch);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Possible regressions:", result.Output);
        Assert.Contains("kselftest.regress", result.Output);
        Assert.Contains("/test/" + ReportSeed.TestId(3, "regress"), result.Output);
    }

    private static async Task<JsonNode> RunAsync(DashboardTestApp app, params string[] options)
    {
        using var kciDev = new KciDevClient(app.ApiUrl);
        var result = await kciDev.RunAsync(["results", "tree-report", "--giturl", ReportSeed.GitUrl, "--branch", ReportSeed.Branch, .. options, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(result.Output) ?? throw new InvalidOperationException(result.ToString());
    }
}
