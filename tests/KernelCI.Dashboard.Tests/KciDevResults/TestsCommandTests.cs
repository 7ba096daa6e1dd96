using KernelCI.Dashboard.Tests.Trees;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Our `results tests` against the seeded dashboard: upstream's text and JSON and every test filter.</summary>
public sealed class TestsCommandTests(ResultsServer server) : IClassFixture<ResultsServer>
{
    private static readonly string[] Head = BuildsCommandTests.Head;

    private static string At(double hours) => TreeSeed.Time(TreeSeed.HeadStart.AddHours(hours));

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_json_has_upstreams_shape_with_test_links(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "tests", "--test-path", "*posix*", "--json", .. Head]);

        var root = server.ApiUrl(kind).GetLeftPart(UriPartial.Authority);
        Assert.Equal($$"""
            [{"test_path":"kselftest.timers.posix_timers","hardware":"bcm2711-rpi-4-b","compatibles":["raspberrypi,4-model-b","brcm,bcm2711"],
            "config":"defconfig","arch":"arm64","status":"INCONCLUSIVE (status: SKIP)","start_time":"{{At(3)}}",
            "log":"https://storage.example/t-posix/log.txt.gz","id":"maestro:t-posix","dashboard":"{{root}}/test/maestro:t-posix"}]
            """.ReplaceLineEndings(""), run.Json().ToJsonString());
        Assert.Equal($"/api/tree/{TreeSeed.HeadCommit}/tests?{BuildsCommandTests.HeadQuery}&limit=1000", Assert.Single(run.Requests).PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_text_prints_upstreams_lines(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "tests", "--test-path", "kselftest.timers.nanosleep", .. Head]);

        var root = server.ApiUrl(kind).GetLeftPart(UriPartial.Authority);
        Assert.Equal($"""
            - test path: kselftest.timers.nanosleep
              hardware: rk3399-rock-pi-4b
              compatibles: radxa,rock-pi-4b | rockchip,rk3399
              config: defconfig arch: arm64 compiler: gcc-12
              status:FAIL
              log: https://storage.example/t-nanosleep/log.txt.gz
              start time: {At(2)}
              id: maestro:t-nanosleep
              dashboard: {root}/test/maestro:t-nanosleep


            """, run.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_without_compatibles_print_no_compatibles_line(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "tests", "--hardware", "qemu-x86", .. Head]);

        Assert.Contains("  hardware: qemu-x86\n  config: Unknown arch: Unknown compiler: Unknown\n", run.Output);
        Assert.DoesNotContain("compatibles:", run.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_status(DatabaseKind kind)
    {
        var pass = await server.OursAsync(kind, ["results", "tests", "--status", "pass", "--json", .. Head]);
        var fail = await server.OursAsync(kind, ["results", "tests", "--status", "fail", "--json", .. Head]);
        var inconclusive = await server.OursAsync(kind, ["results", "tests", "--status", "inconclusive", "--json", .. Head]);

        Assert.Equal(["maestro:t-login", "microsoft:t-kunit"], pass.Ids());
        Assert.Equal(["maestro:t-nanosleep"], fail.Ids());
        Assert.Equal(["maestro:t-posix"], inconclusive.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_hardware_glob_on_platform_or_compatibles(DatabaseKind kind)
    {
        var platform = await server.OursAsync(kind, ["results", "tests", "--hardware", "rk3399-*", "--json", .. Head]);
        var compatible = await server.OursAsync(kind, ["results", "tests", "--hardware", "brcm,*", "--json", .. Head]);

        Assert.Equal(["maestro:t-login", "maestro:t-nanosleep"], platform.Ids());
        Assert.Equal(["maestro:t-posix"], compatible.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_compatible_substring_in_any_case(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "tests", "--compatible", "ROCK-PI", "--json", .. Head]);

        Assert.Equal(["maestro:t-login", "maestro:t-nanosleep"], run.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_config_glob_and_compiler(DatabaseKind kind)
    {
        var config = await server.OursAsync(kind, ["results", "tests", "--config", "def*", "--json", .. Head]);
        var compiler = await server.OursAsync(kind, ["results", "tests", "--compiler", "unknown", "--json", .. Head]);

        Assert.Equal(["maestro:t-login", "maestro:t-nanosleep", "maestro:t-posix"], config.Ids());
        Assert.Equal(["microsoft:t-kunit"], compiler.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_start_and_end_time(DatabaseKind kind)
    {
        var window = await server.OursAsync(kind, ["results", "tests", "--start-date", At(1.5), "--end-date", At(2.5), "--json", .. Head]);
        var fromDay = await server.OursAsync(kind, ["results", "tests", "--start-date", TreeSeed.HeadStart.AddDays(1).ToString("yyyy-MM-dd"), "--json", .. Head]);

        // The seed is relative to now, so which tests fall on the next calendar day depends on the hour the test runs.
        var nextDay = TreeSeed.HeadStart.AddDays(1).UtcDateTime.Date;
        (string Id, double Hours)[] seeded = [("maestro:t-login", 1), ("maestro:t-nanosleep", 2), ("maestro:t-posix", 3), ("microsoft:t-kunit", 1)];
        Assert.Equal(["maestro:t-nanosleep"], window.Ids());
        Assert.Equal(
            seeded.Where(t => TreeSeed.HeadStart.AddHours(t.Hours).UtcDateTime >= nextDay).Select(t => t.Id).Order(StringComparer.Ordinal),
            fromDay.Ids());
        Assert.Contains("&filter_start_date=" + Uri.EscapeDataString(At(1.5)) + "&filter_end_date=" + Uri.EscapeDataString(At(2.5)),
            Assert.Single(window.Requests).PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_duration(DatabaseKind kind)
    {
        var longer = await server.OursAsync(kind, ["results", "tests", "--min-duration", "30.5", "--json", .. Head]);
        var within = await server.OursAsync(kind, ["results", "tests", "--min-duration", "30", "--max-duration", "30", "--count", .. Head]);

        Assert.Empty(longer.Ids());
        Assert.Equal("4\n", within.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_git_branch_need_the_field_the_tree_lists_do_not_carry(DatabaseKind kind)
    {
        // As upstream: an item without git_repository_branch never matches --git-branch.
        var run = await server.OursAsync(kind, ["results", "tests", "--git-branch", "*", "--count", .. Head]);

        Assert.Equal("0\n", run.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_filter_file_hardware_and_test_lists(DatabaseKind kind)
    {
        var run = await ResultsServer.RunOursAsync(server.ApiUrl(kind), k => File.WriteAllText(Path.Combine(k.WorkingDirectory, "filter.yaml"), """
            hardware:
              - rk3399-*
              - qemu-x86
            test:
              - kselftest.*
              - kunit.example.case
            """), ["results", "tests", "--filter", "filter.yaml", "--json", .. Head]);

        Assert.Equal(["maestro:t-nanosleep", "microsoft:t-kunit"], run.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_by_filter_file_tree_list_read_the_items_tree_name(DatabaseKind kind)
    {
        // The tree lists' items carry no tree_name, so only a pattern matching the empty name lets them through, as upstream.
        var any = await ResultsServer.RunOursAsync(server.ApiUrl(kind), k => File.WriteAllText(Path.Combine(k.WorkingDirectory, "f.yaml"), "tree: ['*']\n"),
            ["results", "tests", "--filter", "f.yaml", "--count", .. Head]);
        var mainline = await ResultsServer.RunOursAsync(server.ApiUrl(kind), k => File.WriteAllText(Path.Combine(k.WorkingDirectory, "f.yaml"), "tree: [mainline]\n"),
            ["results", "tests", "--filter", "f.yaml", "--count", .. Head]);

        Assert.Equal("4\n", any.Output);
        Assert.Equal("0\n", mainline.Output);
    }
}
