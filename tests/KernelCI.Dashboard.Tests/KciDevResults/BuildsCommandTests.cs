using KernelCI.Dashboard.Tests.Trees;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Our `results builds` against the seeded dashboard: upstream's text and JSON, the build filters and the
/// requests sent.</summary>
public sealed class BuildsCommandTests(ResultsServer server) : IClassFixture<ResultsServer>
{
    internal static readonly string[] Head = ["--giturl", TreeSeed.MainlineUrl, "--branch", "master", "--commit", TreeSeed.HeadCommit];

    internal static string HeadQuery => "origin=maestro&git_url=" + Uri.EscapeDataString(TreeSeed.MainlineUrl) + "&git_branch=master";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_json_has_upstreams_shape_and_web_links(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "builds", "--status", "pass", "--json", .. Head]);

        var root = server.ApiUrl(kind).GetLeftPart(UriPartial.Authority);
        Assert.Equal($$"""
            [{"config":"defconfig","arch":"arm64","compiler":"gcc-12","status":"PASS","config_url":"https://storage.example/b-arm64/.config",
            "log":"https://storage.example/b-arm64/build.log.gz","id":"maestro:b-arm64","dashboard":"{{root}}/build/maestro:b-arm64"}]
            """.ReplaceLineEndings(""), run.Json().ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_text_prints_upstreams_lines(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "builds", "--config", "x86_64_*", .. Head]);

        var root = server.ApiUrl(kind).GetLeftPart(UriPartial.Authority);
        Assert.Equal($"""
            - config:x86_64_defconfig arch: x86_64 compiler: clang-17
              status:FAIL
              config_url: https://storage.example/b-x86/.config
              log: https://storage.example/b-x86/build.log.gz
              id: maestro:b-x86
              dashboard: {root}/build/maestro:b-x86


            """, run.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_request_carries_the_revision_the_dates_and_a_page_limit(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "builds", "--arch", "riscv", "--tree", "mainline", "--start-date", "2026-01-01",
            "--end-date", "2099-01-01", "--json", .. Head]);

        Assert.Equal(["maestro:b-riscv"], run.Ids());
        var request = Assert.Single(run.Requests);
        Assert.Equal($"/api/tree/{TreeSeed.HeadCommit}/builds?{HeadQuery}&filter_architecture=riscv&filter_tree_name=mainline"
            + "&filter_start_date=2026-01-01&filter_end_date=2099-01-01&limit=1000", request.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_by_compiler_ignore_case(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "builds", "--compiler", "GCC-12", "--json", .. Head]);

        Assert.Equal(["maestro:b-arm64", "maestro:b-riscv"], run.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_by_git_branch_glob(DatabaseKind kind)
    {
        var master = await server.OursAsync(kind, ["results", "builds", "--git-branch", "mas*", "--json", .. Head]);
        var other = await server.OursAsync(kind, ["results", "builds", "--git-branch", "linux-*", "--json", .. Head]);

        Assert.Equal(["maestro:b-arm64", "maestro:b-riscv", "maestro:b-x86"], master.Ids());
        Assert.Empty(other.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_count_with_and_without_json(DatabaseKind kind)
    {
        var json = await server.OursAsync(kind, ["results", "builds", "--status", "fail", "--count", "--json", .. Head]);
        var text = await server.OursAsync(kind, ["results", "builds", "--status", "fail", "--count", .. Head]);

        Assert.Equal("""{"count":2}""", json.Json().ToJsonString());
        Assert.Equal("2\n", text.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_inconclusive_lists_builds_with_other_statuses(DatabaseKind kind)
    {
        // Upstream refuses `--status inconclusive` for builds; a build can be ERROR or MISS, so ours lists them.
        var run = await server.OursAsync(kind, ["results", "builds", "--status", "inconclusive", "--json", .. Head]);

        Assert.Empty(run.Ids());
        Assert.Equal("[]\n", run.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_latest_takes_the_commit_from_the_tree_list(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, "results", "builds", "--giturl", TreeSeed.MainlineUrl, "--branch", "master", "--latest", "--count");

        Assert.Equal("3\n", run.Output);
        Assert.Equal(["/api/tree?origin=maestro", $"/api/tree/{TreeSeed.HeadCommit}/builds?{HeadQuery}&limit=1000"], run.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Builds_of_an_unknown_commit_is_the_servers_message_in_one_line()
    {
        var run = await server.OursAsync(DatabaseKind.Sqlite, "results", "builds", "--giturl", TreeSeed.MainlineUrl, "--branch", "master",
            "--commit", new string('9', 40));

        Assert.Equal(1, run.Result.ExitCode);
        Assert.StartsWith("kci-dev: dashboard: ", run.Result.Error);
        Assert.Single(run.Result.Error.Trim().Split('\n'));
        Assert.Empty(run.Output);
    }
}
