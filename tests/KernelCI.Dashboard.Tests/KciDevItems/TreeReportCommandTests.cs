using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.Regressions;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary>Our `results tree-report` against the seeded tree (ReportSeed), and upstream's kci-dev against the same
/// server: the same JSON and the same text.</summary>
public sealed class TreeReportCommandTests(ReportSeedServer server) : IClassFixture<ReportSeedServer>, IDisposable
{
    private static readonly string[] Tree = ["results", "tree-report", "--giturl", ReportSeed.GitUrl, "--branch", ReportSeed.Branch];

    private readonly OurKciDev _kciDev = new(server.ApiUrl);

    [Fact]
    public async Task Json_is_the_same_as_upstreams()
    {
        var ours = await _kciDev.RunAsync([.. Tree, "--json"]);
        var upstream = await server.Upstream!.RunAsync([.. Tree, "--json"]);

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.True(upstream.ExitCode == 0, upstream.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(upstream.Output), JsonNode.Parse(ours.Output)), $"{upstream.Output}\n---\n{ours.Output}");
        Assert.Equal(server.Seed.Hash(3), (string?)JsonNode.Parse(ours.Output)!["commit_hash"]);
    }

    [Fact]
    public async Task Text_is_the_same_as_upstreams()
    {
        var ours = await _kciDev.RunAsync(Tree);
        var upstream = await server.Upstream!.RunAsync(Tree);

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.Equal(upstream.Output, ours.Output);
        Assert.Contains("Possible regressions:\nPlatform: qemu-x86\n> Config: defconfig\n - Architecture/compiler: x86_64/gcc-12\n"
            + $"   - Test path: kselftest.regress\n   last run: {server.Web}/test/{ReportSeed.TestId(3, "regress")}\n   history:✅ > ✅ > ❌\n",
            ours.Output);
        Assert.Contains($"- [NEW] {server.Web}/issue/maestro:issue1\n  Comment: issue1 comment\n", ours.Output);
    }

    [Fact]
    public async Task Paths_history_size_and_ages_go_to_the_server()
    {
        var result = await _kciDev.RunAsync([.. Tree, "--path", "kselftest.f%", "--path", "boot", "--history-size", "2", "--max-age", "48", "--min-age", "6", "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [$"GET /api/tree-report?origin=maestro&git_branch=master&git_url={Uri.EscapeDataString(ReportSeed.GitUrl)}&group_size=2&max_age_in_hours=48&min_age_in_hours=6&path=kselftest.f%25&path=boot"],
            _kciDev.Requests);
        Assert.Equal(server.Seed.Hash(2), (string?)JsonNode.Parse(result.Output)!["commit_hash"]);
    }

    [Fact]
    public async Task Tree_without_a_checkout_in_the_window_is_one_line()
    {
        var result = await _kciDev.RunAsync("results", "tree-report", "--giturl", "https://example.org/none.git", "--branch", "main");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("kci-dev: Tree not found in the given interval (--giturl https://example.org/none.git --branch main, --max-age 24 --min-age 0)\n", result.Error);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("--history-size", "0", "--history-size 0: must be at least 1")]
    [InlineData("--max-age", "0", "--max-age 0: must be at least 1 hour")]
    [InlineData("--min-age", "30", "--min-age 30: must be from 0 to below --max-age (24)")]
    public async Task Bad_numbers_are_refused_before_any_request(string option, string value, string message)
    {
        var result = await _kciDev.RunAsync([.. Tree, option, value]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"kci-dev: {message}\n", result.Error);
        Assert.Empty(_kciDev.Requests);
    }

    public void Dispose() => _kciDev.Dispose();
}
