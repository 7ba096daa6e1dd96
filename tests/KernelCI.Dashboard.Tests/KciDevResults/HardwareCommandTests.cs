using KernelCI.Dashboard.Tests.Hardware;
using KernelCI.Data;
using KernelCI.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Our `results hardware …` against the seeded hardware dashboard: the last 7 days from the clock, the POST
/// bodies of kci-dev.md §9, and the item filters.</summary>
public sealed class HardwareCommandTests(ResultsServer server) : IClassFixture<ResultsServer>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task List_json_has_upstreams_shape(DatabaseKind kind)
    {
        var run = await server.OursOnHardwareAsync(kind, "results", "hardware", "list", "--json");

        Assert.Equal("""[{"name":["google,tomato-rev2","mediatek,mt8195"],"compatibles":"mt8195-cherry-tomato-r2"},{"name":"qemu-x86","compatibles":"qemu-x86"}]""",
            run.Json().ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task List_text_names_each_board(DatabaseKind kind)
    {
        var run = await server.OursOnHardwareAsync(kind, "results", "hardware", "list");

        Assert.Equal("- name: google,tomato-rev2 | mediatek,mt8195\n  compatibles: mt8195-cherry-tomato-r2\n\n- name: qemu-x86\n  compatibles: qemu-x86\n\n", run.Output);
    }

    [Fact]
    public async Task List_asks_for_the_last_seven_days_of_the_clock()
    {
        var now = DateTimeOffset.UtcNow;
        var run = await ResultsServer.RunOursAsync(server.ApiUrl(DatabaseKind.Sqlite, ResultsServer.Seed.Hardware), k => k.Time = new FakeTimeProvider(now),
            "results", "hardware", "list", "--origin", "maestro", "--json");

        var (start, end) = HardwareSeed.LastWeek(now);
        Assert.Equal($"/api/hardware/?origin=maestro&endTimestampInSeconds={end}&startTimestampInSeconds={start}", Assert.Single(run.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Summary_posts_upstreams_body_for_the_clocks_last_week()
    {
        var now = DateTimeOffset.UtcNow;
        var run = await ResultsServer.RunOursAsync(server.ApiUrl(DatabaseKind.Sqlite, ResultsServer.Seed.Hardware), k => k.Time = new FakeTimeProvider(now),
            "results", "hardware", "summary", "--name", HardwareSeed.Compatible, "--json");

        var (start, end) = HardwareSeed.LastWeek(now);
        var request = Assert.Single(run.Requests);
        Assert.Equal(("POST", "/api/hardware/mediatek%2Cmt8195/summary"), (request.Method, request.PathAndQuery));
        Assert.Equal($$$"""{"origin":"maestro","endTimestampInSeconds":"{{{end}}}","startTimestampInSeconds":"{{{start}}}","selectedCommits":{},"filter":{}}""",
            request.Body);
        Assert.Equal("""{"builds":{"pass":2,"fail":0,"inconclusive":0},"boots":{"pass":3,"fail":0,"inconclusive":0},"tests":{"pass":1,"fail":2,"inconclusive":1}}""",
            run.Json().ToJsonString());
    }

    [Fact]
    public async Task Summary_a_month_later_finds_nothing_in_its_window()
    {
        var run = await ResultsServer.RunOursAsync(server.ApiUrl(DatabaseKind.Sqlite, ResultsServer.Seed.Hardware),
            k => k.Time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(30)), "results", "hardware", "summary", "--name", HardwareSeed.Board);

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Equal("kci-dev: dashboard: This hardware isn't associated with any commit\n", run.Result.Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_of_a_platform_are_read_in_pages(DatabaseKind kind)
    {
        var run = await server.OursOnHardwareAsync(kind, "results", "hardware", "builds", "--name", HardwareSeed.Board, "--json");

        Assert.Equal(["maestro:b1", "maestro:b4"], run.Ids());
        var request = Assert.Single(run.Requests);
        Assert.Equal(("POST", $"/api/hardware/{HardwareSeed.Board}/builds?limit=1000"), (request.Method, request.PathAndQuery));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_by_status(DatabaseKind kind)
    {
        var run = await server.OursOnHardwareAsync(kind, "results", "hardware", "builds", "--name", HardwareSeed.Qemu, "--status", "fail", "--json");

        Assert.Equal(["maestro:b2"], run.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Boots_by_status(DatabaseKind kind)
    {
        var run = await server.OursOnHardwareAsync(kind, "results", "hardware", "boots", "--name", HardwareSeed.Qemu, "--status", "fail", "--json");

        var boot = Assert.Single(run.Json().AsArray())!;
        Assert.Equal("maestro:t5", (string?)boot["id"]);
        Assert.Equal(HardwareSeed.Qemu, (string?)boot["hardware"]);
        Assert.Equal("x86_64_defconfig", (string?)boot["config"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_status_path_and_count(DatabaseKind kind)
    {
        var failed = await server.OursOnHardwareAsync(kind, "results", "hardware", "tests", "--name", HardwareSeed.Compatible, "--status", "fail", "--json");
        var kselftests = await server.OursOnHardwareAsync(kind, "results", "hardware", "tests", "--name", HardwareSeed.Compatible, "--test-path", "kselftest*", "--json");
        var inconclusive = await server.OursOnHardwareAsync(kind, "results", "hardware", "tests", "--name", HardwareSeed.Compatible, "--status", "inconclusive", "--count", "--json");

        Assert.Equal(["maestro:t2", "maestro:t3"], failed.Ids());
        Assert.Equal(["maestro:t11", "maestro:t3", "maestro:t4"], kselftests.Ids());
        Assert.Equal("""{"count":1}""", inconclusive.Json().ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_filter_file_tree_and_git_branch(DatabaseKind kind)
    {
        // The hardware lists carry tree_name and git_repository_branch, which the tree lists do not.
        var next = await ResultsServer.RunOursAsync(server.ApiUrl(kind, ResultsServer.Seed.Hardware),
            k => File.WriteAllText(Path.Combine(k.WorkingDirectory, "f.yaml"), "tree:\n  - next\n"),
            "results", "hardware", "tests", "--name", HardwareSeed.Board, "--filter", "f.yaml", "--json");
        var master = await server.OursOnHardwareAsync(kind, "results", "hardware", "tests", "--name", HardwareSeed.Board, "--git-branch", "ma*", "--count");

        Assert.Equal(["maestro:t11"], next.Ids());
        Assert.Equal("4\n", master.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Subcommands_chain_as_upstreams_and_run_in_order(DatabaseKind kind)
    {
        var run = await server.OursOnHardwareAsync(kind, "results", "hardware", "summary", "--name", HardwareSeed.Compatible, "--json",
            "tests", "--name", HardwareSeed.Compatible, "--status", "fail", "--json", "builds", "--name", HardwareSeed.Qemu, "--count");

        Assert.Equal(0, run.Result.ExitCode);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("""{"builds":{"pass":2,""", lines[0]);
        Assert.Equal(["maestro:t2", "maestro:t3"], System.Text.Json.Nodes.JsonNode.Parse(lines[1])!.AsArray().Select(t => (string)t!["id"]!).Order());
        Assert.Equal("1", lines[2]);
        Assert.Equal([$"/api/hardware/mediatek%2Cmt8195/summary", "/api/hardware/mediatek%2Cmt8195/tests?limit=1000", $"/api/hardware/{HardwareSeed.Qemu}/builds?limit=1000"],
            run.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_failing_step_stops_the_chain()
    {
        var run = await server.OursOnHardwareAsync(DatabaseKind.Sqlite, "results", "hardware", "summary", "--name", "no-such-board",
            "list", "--json");

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Equal("kci-dev: dashboard: This hardware isn't associated with any commit\n", run.Result.Error);
        Assert.Single(run.Requests);
    }
}
