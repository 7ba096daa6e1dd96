using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary>Our `results issue --id` against the seeded dashboard (IssueSeed): the issue, its first tree, its builds
/// and tests, the JSON mode upstream lacks, and unknown ids.</summary>
public sealed class IssueCommandTests(IssueSeedServer server) : IClassFixture<IssueSeedServer>, IDisposable
{
    private readonly OurKciDev _kciDev = new(server.ApiUrl);

    [Fact]
    public async Task Issue_text_shows_the_issue_its_first_tree_and_its_builds()
    {
        var result = await _kciDev.RunAsync("results", "issue", "--id", "maestro:i1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var timestamp = result.Output.Split('\n').Single(l => l.StartsWith("  field_timestamp: ", StringComparison.Ordinal));
        Assert.Equal($"""
            Issue information:
            - build breaks (v2)
              {server.Web}/issue/maestro:i1
              origin: maestro
              version: 2
            {timestamp}
              culprit_code: True
              categories: compile
              First incident seen on mainline/master

            Associated builds:
            - maestro:b1

            Associated tests:
            No associated tests found


            """, result.Output);
        Assert.Equal(["GET /api/issue/maestro:i1", "GET /api/issue/maestro:i1/builds", "GET /api/issue/maestro:i1/tests"], _kciDev.Requests);
    }

    [Fact]
    public async Task Issue_json_holds_the_issue_its_builds_and_its_tests()
    {
        var result = await _kciDev.RunAsync("results", "issue", "--id", "maestro:i2", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonNode.Parse(result.Output)!;
        Assert.Equal("boot hangs", (string?)json["issue"]!["comment"]);
        Assert.Empty(json["builds"]!.AsArray());
        Assert.Equal(["maestro:t1"], json["tests"]!.AsArray().Select(t => (string?)t!["id"]));
    }

    [Fact]
    public async Task Origin_filters_the_builds_and_tests()
    {
        var result = await _kciDev.RunAsync("results", "issue", "--id", "maestro:i1", "--origin", "redhat", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(JsonNode.Parse(result.Output)!["builds"]!.AsArray());
        Assert.Contains("GET /api/issue/maestro:i1/builds?filter_origin=redhat", _kciDev.Requests);
    }

    [Fact]
    public async Task Unknown_issue_is_one_line_and_exit_1()
    {
        var result = await _kciDev.RunAsync("results", "issue", "--id", "maestro:nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("kci-dev: --id maestro:nope: Issue not found\n", result.Error);
        Assert.Empty(result.Output);
    }

    public void Dispose() => _kciDev.Dispose();
}
