using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.Issues;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary>Our `results issues` against the seeded dashboard (IssueSeed: on mainline b1 fails with maestro:i1 and boot
/// t1 with maestro:i2, both first seen there; on next, eight days old, b3 fails and boot t3 errs with no issue), and
/// upstream's kci-dev against the same server where upstream has JSON.</summary>
public sealed class IssuesCommandTests(IssueSeedServer server) : IClassFixture<IssueSeedServer>, IDisposable
{
    private static readonly string[] Mainline = ["--giturl", IssueSeed.MainlineUrl, "--branch", "master", "--commit", IssueSeed.MainlineCommit];
    private static readonly string[] Next = ["--giturl", IssueSeed.NextUrl, "--branch", "master", "--commit", IssueSeed.NextCommit, "--tree", "next"];

    private readonly OurKciDev _kciDev = new(server.ApiUrl);

    [Fact]
    public async Task List_json_is_the_same_as_upstreams()
    {
        using var upstream = new KciDev.KciDevClient(server.ApiUrl);

        var ours = await _kciDev.RunAsync("results", "issues", "--json");
        var theirs = await upstream.RunAsync("results", "issues", "--json");

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(theirs.Output), JsonNode.Parse(ours.Output)), $"{theirs.Output}\n---\n{ours.Output}");
        Assert.Equal(["GET /api/issue/?interval_in_days=5&filter_origin=maestro"], _kciDev.Requests);
    }

    [Fact]
    public async Task List_text_shows_each_issue_with_its_first_tree()
    {
        var result = await _kciDev.RunAsync("results", "issues", "--days", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"- boot hangs\n  {server.Web}/issue/maestro:i2\n  origin: maestro\n  version: 1\n", result.Output);
        Assert.Contains("  culprit_harness: True\n  categories: boot\n  First incident seen on mainline/master\n\n", result.Output);
        Assert.Equal(["GET /api/issue/?interval_in_days=3&filter_origin=maestro"], _kciDev.Requests);
    }

    [Fact]
    public async Task List_of_an_origin_without_first_incidents_still_shows_its_issues()
    {
        var result = await _kciDev.RunAsync("results", "issues", "--origin", "redhat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"- quiet issue\n  {server.Web}/issue/redhat:i3\n  origin: redhat\n", result.Output);
        Assert.DoesNotContain("First incident", result.Output);
    }

    [Fact]
    public async Task Checkout_issues_tag_those_first_seen_there()
    {
        var result = await _kciDev.RunAsync(["results", "issues", .. Mainline]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"mainline/master:{IssueSeed.MainlineCommit}\n- [NEW] build breaks (v2)\n", result.Output);
        Assert.Contains("- [NEW] boot hangs\n", result.Output);
        var query = $"origin=maestro&git_url={Uri.EscapeDataString(IssueSeed.MainlineUrl)}&git_branch=master";
        Assert.Equal(["GET /api/tree?origin=maestro", $"GET /api/tree/{IssueSeed.MainlineCommit}/summary?{query}", "POST /api/issue/extras/",
            "GET /api/issue/maestro:i1", "GET /api/issue/maestro:i2"], _kciDev.Requests);
    }

    [Fact]
    public async Task Checkout_json_marks_the_new_issues()
    {
        var result = await _kciDev.RunAsync(["results", "issues", .. Mainline, "--tree", "other", "--json"]);

        // Given another tree name, nothing was first seen on "this" checkout.
        Assert.True(result.ExitCode == 0, result.ToString());
        var issues = JsonNode.Parse(result.Output)!.AsArray();
        Assert.Equal(["maestro:i1", "maestro:i2"], issues.Select(i => (string?)i!["id"]).Order(StringComparer.Ordinal));
        Assert.All(issues, i => Assert.False((bool)i!["is_new_issue"]!));
        Assert.DoesNotContain("GET /api/tree?origin=maestro", _kciDev.Requests);
    }

    [Fact]
    public async Task Latest_stands_in_for_the_commit()
    {
        var result = await _kciDev.RunAsync("results", "issues", "--new", "--giturl", IssueSeed.MainlineUrl, "--branch", "master", "--latest", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["maestro:i1", "maestro:i2"], ById(JsonNode.Parse(result.Output)!).Select(i => (string?)i["id"]));
        Assert.Contains($"GET /api/tree/{IssueSeed.MainlineCommit}/summary?origin=maestro&git_url={Uri.EscapeDataString(IssueSeed.MainlineUrl)}&git_branch=master",
            _kciDev.Requests);
    }

    [Fact]
    public async Task New_for_a_checkout_json_is_the_same_as_upstreams()
    {
        using var upstream = new KciDev.KciDevClient(server.ApiUrl);

        var ours = await _kciDev.RunAsync(["results", "issues", "--new", .. Mainline, "--json"]);
        var theirs = await upstream.RunAsync(["results", "issues", "--new", .. Mainline, "--json"]);

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        // Upstream prints two progress lines before its JSON; ours prints the JSON alone.
        var expected = ById(JsonNode.Parse(theirs.Output[theirs.Output.IndexOf("\n[", StringComparison.Ordinal)..])!);
        var actual = ById(JsonNode.Parse(ours.Output)!);
        Assert.Equal(["maestro:i1", "maestro:i2"], actual.Select(i => (string?)i!["id"]));
        Assert.True(JsonNode.DeepEquals(new JsonArray([.. expected]), new JsonArray([.. actual])), $"{theirs.Output}\n---\n{ours.Output}");
    }

    [Fact]
    public async Task New_for_every_tree_visits_each_trees_newest_checkout()
    {
        var result = await _kciDev.RunAsync("results", "issues", "--new", "--days", "10");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"Fetching new issues for all checkouts...\nmainline/master:{IssueSeed.MainlineCommit}\n- build breaks (v2)\n", result.Output);
        Assert.EndsWith($"next/master:{IssueSeed.NextCommit}\nNo issues found\n", result.Output);
        Assert.Equal("GET /api/tree?origin=maestro&interval_in_days=10", _kciDev.Requests[0]);
    }

    [Fact]
    public async Task Missing_builds_lists_a_failed_build_without_an_issue()
    {
        var result = await _kciDev.RunAsync(["results", "issues", "--missing", "--builds", .. Next]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"\nFetching data for builds...\nnext/master: \n  - Commit:{IssueSeed.NextCommit}\n  {server.Web}/build/maestro:b3  status: FAIL\n", result.Output);
        var query = $"origin=maestro&git_url={Uri.EscapeDataString(IssueSeed.NextUrl)}&git_branch=master";
        Assert.Equal([$"GET /api/tree/{IssueSeed.NextCommit}/builds?{query}", "GET /api/build/maestro:b3/issues"], _kciDev.Requests);
    }

    [Fact]
    public async Task Missing_leaves_out_failures_that_have_an_issue()
    {
        var result = await _kciDev.RunAsync(["results", "issues", "--missing", .. Mainline, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"builds":[],"boots":[]}""", JsonNode.Parse(result.Output)!.ToJsonString());
        Assert.Contains("GET /api/build/maestro:b1/issues", _kciDev.Requests);
        Assert.Contains("GET /api/test/maestro:t1/issues", _kciDev.Requests);
        Assert.DoesNotContain("GET /api/build/maestro:b2/issues", _kciDev.Requests);
    }

    [Fact]
    public async Task Missing_boots_of_every_tree_as_json()
    {
        var result = await _kciDev.RunAsync("results", "issues", "--missing", "--boots", "--days", "10", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($$"""{"boots":[{"tree":"next/master","git_url":"{{IssueSeed.NextUrl}}","commit":"{{IssueSeed.NextCommit}}","missing":[{"id":"maestro:t3","status":"ERROR"}]}]}""",
            JsonNode.Parse(result.Output)!.ToJsonString());
    }

    [Theory]
    [InlineData("give --giturl, --branch and --commit (or --latest) for one checkout, or none of them for every tree", "--giturl", IssueSeed.MainlineUrl)]
    [InlineData("--builds and --boots go with --missing", "--builds")]
    [InlineData("--new and --missing: give one of them", "--new", "--missing")]
    [InlineData("--days 0: must be a positive number of days", "--days", "0")]
    public async Task Bad_combinations_are_refused_before_any_request(string message, params string[] options)
    {
        var result = await _kciDev.RunAsync(["results", "issues", .. options]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"kci-dev: {message}\n", result.Error);
        Assert.Empty(_kciDev.Requests);
    }

    private static List<JsonNode> ById(JsonNode array) =>
        [.. array.AsArray().Select(i => i!.DeepClone()).OrderBy(i => (string?)i["id"], StringComparer.Ordinal)];

    public void Dispose() => _kciDev.Dispose();
}
