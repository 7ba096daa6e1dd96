using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.Regressions;
using KernelCI.Dashboard.Tests.Search;

namespace KernelCI.Dashboard.Tests.KciDevMcp;

/// <summary>The tools beyond upstream's: regressions (tree-report), test_history (status history) and search, against
/// a real dashboard seeded with <see cref="ReportSeed"/> and <see cref="SearchSeed"/>.</summary>
public sealed class McpRegressionToolsTests : IAsyncLifetime
{
    private readonly ReportSeed _seed = new(DateTimeOffset.UtcNow);
    private McpDashboard _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await McpDashboard.StartAsync(_seed.LoadAsync);

    [Fact]
    public async Task Regressions_sorts_the_trees_histories()
    {
        var report = await _dashboard.Mcp.CallJsonAsync("regressions", new { giturl = ReportSeed.GitUrl, branch = ReportSeed.Branch, history_size = 3 });

        Assert.Equal(_seed.Hash(3), (string?)report!["commit_hash"]);
        var group = report["possible_regressions"]![ReportSeed.Platform]![ReportSeed.Config]!["x86_64/gcc-12"]!;
        Assert.Equal(["FAIL", "PASS", "PASS"], group["kselftest.regress"]!.AsArray().Select(r => (string)r!["status"]!));
        Assert.NotNull(report["fixed_regressions"]![ReportSeed.Platform]![ReportSeed.Config]!["x86_64/gcc-12"]!["kselftest.fixed"]);
        Assert.NotNull(report["unstable_tests"]![ReportSeed.Platform]![ReportSeed.Config]!["x86_64/gcc-12"]!["kselftest.flaky"]);
    }

    [Fact]
    public async Task Regressions_with_a_bad_window_names_the_argument()
    {
        var error = await _dashboard.Mcp.CallErrorAsync("regressions", new
        {
            giturl = ReportSeed.GitUrl, branch = ReportSeed.Branch, min_age_in_hours = 48, max_age_in_hours = 24,
        });

        Assert.StartsWith("min_age_in_hours: ", error);
    }

    [Fact]
    public async Task Test_history_classifies_a_flaky_test_as_unstable()
    {
        var history = await _dashboard.Mcp.CallJsonAsync("test_history", new { test_id = ReportSeed.TestId(3, "flaky") });

        Assert.Equal("unstable", (string?)history!["regression_type"]);
        Assert.Equal(["PASS", "FAIL", "PASS"], history["status_history"]!.AsArray().Select(r => (string)r!["status"]!));
        Assert.Equal("kselftest.flaky", (string?)history["path"]);
    }

    [Fact]
    public async Task Search_finds_a_checkout_by_tag()
    {
        await _dashboard.App.SeedAsync(SearchSeed.Document);

        var found = await _dashboard.Mcp.CallJsonAsync("search", new { q = "v6.14", limit = 5 });

        var first = found!["hits"]![0]!;
        Assert.Equal(("checkout", "maestro:c2"), ((string?)first["kind"], (string?)first["id"]));
    }

    [Fact]
    public async Task Search_with_an_empty_query_names_q()
    {
        var error = await _dashboard.Mcp.CallErrorAsync("search", new { q = " " });

        Assert.Equal("q: must not be empty", error);
    }

    public async ValueTask DisposeAsync() => await _dashboard.DisposeAsync();
}
