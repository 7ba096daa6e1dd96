using KernelCI.Dashboard.Tests.Trees;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Our `results summary` (and `--history`) against the seeded dashboard.</summary>
public sealed class SummaryCommandTests(ResultsServer server) : IClassFixture<ResultsServer>
{
    private static readonly string[] Head = BuildsCommandTests.Head;

    private static readonly string[] Branch = ["--giturl", TreeSeed.MainlineUrl, "--branch", "master"];

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_json_counts_pass_fail_and_inconclusive(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "summary", "--json", .. Head]);

        Assert.Equal("""{"builds":{"pass":1,"fail":2,"inconclusive":0},"boots":{"pass":1,"fail":1,"inconclusive":0},"tests":{"pass":2,"fail":1,"inconclusive":1}}""",
            run.Json().ToJsonString());
        Assert.Equal($"/api/tree/{TreeSeed.HeadCommit}/summary?{BuildsCommandTests.HeadQuery}", Assert.Single(run.Requests).PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_text_prints_upstreams_lines(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "summary", .. Head]);

        Assert.Equal("pass/fail/inconclusive\nbuilds:\t1/2/0\nboots:\t1/1/0\ntests:\t2/1/1\n", run.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_arch_is_the_servers_architecture_filter(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "summary", "--arch", "riscv", "--json", .. Head]);

        Assert.Equal(0, (int)run.Json()["builds"]!["pass"]!);
        Assert.Equal(1, (int)run.Json()["builds"]!["fail"]!);
        Assert.EndsWith("&filter_architecture=riscv", Assert.Single(run.Requests).PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task History_json_is_the_servers_commit_list_from_the_newest_commit(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "summary", "--history", "--json", .. Branch]);

        var history = run.Json().AsArray();
        Assert.Equal([TreeSeed.HeadCommit, TreeSeed.OldCommit], history.Select(c => (string?)c!["git_commit_hash"]));
        Assert.Equal(2, (int)history[0]!["builds"]!["FAIL"]!);
        Assert.Equal(["/api/tree?origin=maestro", $"/api/tree/{TreeSeed.HeadCommit}/commits?{BuildsCommandTests.HeadQuery}"],
            run.Requests.Select(r => r.PathAndQuery));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task History_starts_at_the_commit_given(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "summary", "--history", "--commit", TreeSeed.OldCommit, "--json", .. Branch]);

        Assert.Equal([TreeSeed.OldCommit], run.Json().AsArray().Select(c => (string?)c!["git_commit_hash"]));
        Assert.Equal($"/api/tree/{TreeSeed.OldCommit}/commits?{BuildsCommandTests.HeadQuery}", Assert.Single(run.Requests).PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task History_text_is_a_table_of_commits_tags_and_counts(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "summary", "--history", .. Branch]);

        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^\| Commit +\| Tags +\| Builds +\| Boots +\| Tests +\|$", lines[1]);
        Assert.Matches($@"^\| {TreeSeed.HeadCommit} \| {TreeSeed.HeadTag} +\| 1/2/0 +\| 1/1/0 +\| 2/1/1 +\|$", lines[3]);
        Assert.Matches($@"^\| {TreeSeed.OldCommit} \| +\| 1/0/0 +\| 1/0/0 +\| 0/1/0 +\|$", lines[4]);
        Assert.All(lines, l => Assert.Equal(lines[0].Length, l.Length));
    }
}
