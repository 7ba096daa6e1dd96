using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KernelCI.Dashboard.Tests.Regressions;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary>Our `results compare` against the seeded tree (ReportSeed: from C2 to C3 kselftest.regress and
/// kselftest.kube go PASS → FAIL, kselftest.skipped PASS → SKIP), and upstream's kci-dev against the same server.</summary>
public sealed partial class CompareCommandTests(ReportSeedServer server) : IClassFixture<ReportSeedServer>, IDisposable
{
    private static readonly string[] Tree = ["results", "compare", "--giturl", ReportSeed.GitUrl, "--branch", ReportSeed.Branch];

    private readonly OurKciDev _kciDev = new(server.ApiUrl);

    [Fact]
    public async Task Json_is_the_same_as_upstreams_and_alone()
    {
        var ours = await _kciDev.RunAsync([.. Tree, server.Seed.Hash(2), server.Seed.Hash(3), "--json"]);
        var upstream = await server.Upstream!.RunAsync([.. Tree, server.Seed.Hash(2), server.Seed.Hash(3), "--json"]);

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.True(upstream.ExitCode == 0, upstream.ToString());
        // Upstream prints its progress and table before the JSON; ours prints the JSON alone.
        var theirs = JsonNode.Parse(upstream.Output[upstream.Output.IndexOf("\n{", StringComparison.Ordinal)..]);
        var json = JsonNode.Parse(ours.Output)!;
        Assert.True(JsonNode.DeepEquals(theirs, json), $"{theirs}\n---\n{json}");
        Assert.Equal(2, (int)json["test_regressions"]!);
        var tests = json["regressions"]!["tests"]!.AsArray();
        Assert.Equal(["kselftest.kube", "kselftest.regress"], tests.Select(t => (string?)t!["test_path"]).Order(StringComparer.Ordinal));
        var regress = tests.Single(t => (string?)t!["test_path"] == "kselftest.regress")!;
        Assert.Equal($"{server.Web}/test/{ReportSeed.TestId(3, "regress")}", (string?)regress["dashboard"]);
    }

    [Fact]
    public async Task Without_commits_the_two_newest_of_the_history_are_compared()
    {
        var result = await _kciDev.RunAsync([.. Tree, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, (int)JsonNode.Parse(result.Output)!["total_regressions"]!);
        var tree = $"origin=maestro&git_url={Uri.EscapeDataString(ReportSeed.GitUrl)}&git_branch=master";
        Assert.Equal(
        [
            "GET /api/tree?origin=maestro", $"GET /api/tree/{server.Seed.Hash(3)}/commits?{tree}",
            $"GET /api/tree/{server.Seed.Hash(3)}/builds?{tree}", $"GET /api/tree/{server.Seed.Hash(3)}/boots?{tree}", $"GET /api/tree/{server.Seed.Hash(3)}/tests?{tree}",
            $"GET /api/tree/{server.Seed.Hash(2)}/builds?{tree}", $"GET /api/tree/{server.Seed.Hash(2)}/boots?{tree}", $"GET /api/tree/{server.Seed.Hash(2)}/tests?{tree}",
        ], _kciDev.Requests);
    }

    [Fact]
    public async Task Text_is_upstreams_without_its_forced_colours()
    {
        var ours = await _kciDev.RunAsync(Tree);
        var upstream = await server.Upstream!.RunAsync(Tree);

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.Equal(Ansi().Replace(upstream.Output, ""), ours.Output);
        Assert.Contains($"Regression analysis: {server.Seed.Hash(2)[..12]} -> {server.Seed.Hash(3)[..12]}\nTotal regressions (PASS->FAIL): 2\n", ours.Output);
    }

    [Fact]
    public async Task One_commit_is_refused_before_any_request()
    {
        var result = await _kciDev.RunAsync([.. Tree, server.Seed.Hash(2)]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("kci-dev: give two commits, OLD NEW, or none to compare the two newest of the history (got 1)\n", result.Error);
        Assert.Empty(_kciDev.Requests);
    }

    [Fact]
    public async Task Commit_without_results_is_one_line()
    {
        var unknown = new string('f', 40);

        var result = await _kciDev.RunAsync([.. Tree, unknown, server.Seed.Hash(3), "--json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"kci-dev: the dashboard has no builds, boots or tests for commit {unknown} of {ReportSeed.GitUrl} master (origin maestro)\n", result.Error);
        Assert.Empty(result.Output);
    }

    public void Dispose() => _kciDev.Dispose();

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex Ansi();
}
